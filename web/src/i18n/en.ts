// The English catalogue: one file per area of the console under en/, joined here. Another language is a copy of
// this tree with the same keys (the Messages type makes a missing one a type error).
import { common } from './en/common';
import { shell } from './en/shell';
import { clients } from './en/clients';
import { connections } from './en/connections';
import { webhooks } from './en/webhooks';
import { settings } from './en/settings';
import { directory } from './en/directory';
import { scopes } from './en/scopes';
import { users } from './en/users';
import { tokens } from './en/tokens';
import { consents } from './en/consents';
import { audit } from './en/audit';
import { admins } from './en/admins';
import { account } from './en/account';
import { spaces } from './en/spaces';
import { keys } from './en/keys';
import { dashboard } from './en/dashboard';

export const en = {
  common,
  shell,
  clients,
  connections,
  webhooks,
  settings,
  directory,
  scopes,
  users,
  tokens,
  consents,
  audit,
  admins,
  account,
  spaces,
  keys,
  dashboard,
};
export type Messages = typeof en;
