// The grant types a client may list (the server's capabilities.ts GRANT_TYPES, as the generated schema says), with
// the catalogue key of each one's name and explanation.
import type { MessageKey } from '../../i18n';
import { t } from '../../i18n';

export const GRANTS = [
  { id: 'authorization_code', key: 'authorization_code' },
  { id: 'refresh_token', key: 'refresh_token' },
  { id: 'client_credentials', key: 'client_credentials' },
  { id: 'password', key: 'password' },
  { id: 'urn:ietf:params:oauth:grant-type:device_code', key: 'device_code' },
  { id: 'urn:ietf:params:oauth:grant-type:token-exchange', key: 'token_exchange' },
  { id: 'implicit', key: 'implicit' },
] as const;

export type GrantKey = (typeof GRANTS)[number]['key'];

/** "Authorization code" for authorization_code; an unknown grant as it is. */
export function grantName(id: string): string {
  const g = GRANTS.find((x) => x.id === id);
  return g ? t(`clients.grant.${g.key}` as MessageKey) : id;
}

export const grantHelp = (key: GrantKey): string => t(`clients.grantHelp.${key}` as MessageKey);
