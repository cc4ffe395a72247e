// How the directory pages show a grant type and a list of scopes.
import { t, type MessageKey } from '../../i18n';

const GRANT_KEYS: Record<string, MessageKey> = {
  authorization_code: 'tokens.grants.authorization_code',
  client_credentials: 'tokens.grants.client_credentials',
  refresh_token: 'tokens.grants.refresh_token',
  password: 'tokens.grants.password',
  implicit: 'tokens.grants.implicit',
  'urn:ietf:params:oauth:grant-type:device_code': 'tokens.grants.device_code',
  'urn:ietf:params:oauth:grant-type:token-exchange': 'tokens.grants.token_exchange',
};

/** "Client credentials" for client_credentials; an unknown grant type as it is. */
export const grantLabel = (grantType: string): string => {
  const key = GRANT_KEYS[grantType];
  return key ? t(key) : grantType;
};

/** Space-separated scopes as separate chips ("No scope" when empty). */
export function ScopeList({ scope }: { scope: string }) {
  const names = scope.split(' ').filter(Boolean);
  if (!names.length) return <span className="muted">{t('tokens.noScope')}</span>;
  return (
    <span className="scope-list">
      {names.map((n) => (
        <code key={n}>{n}</code>
      ))}
    </span>
  );
}

/** "1 grant", "3 grants"; "1 stored access token", "0 stored access tokens". */
export const countOf = (what: 'grants' | 'tokens', n: number): string =>
  what === 'grants' ? t(n === 1 ? 'tokens.grantsOne' : 'tokens.grantsMany', { n }) : t(n === 1 ? 'tokens.tokensOne' : 'tokens.tokensMany', { n });
