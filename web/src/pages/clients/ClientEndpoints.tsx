// The addresses an app needs (seed 004's Authorization, Token and Refresh Token endpoints), from the space's
// discovery document rather than guessed, each with a copy button.
import { t } from '../../i18n';
import { CopyField } from '../../ui/CopyButton';
import { LoadError } from '../../ui/Page';
import { useDiscovery } from './queries';

export function ClientEndpoints({ issuer }: { issuer: string | undefined }) {
  const discovery = useDiscovery(issuer);
  const doc = discovery.data?.doc;
  const rows: [string, string | undefined, string?][] = doc
    ? [
        [t('clients.endpoints.authorization'), doc.authorization_endpoint],
        [t('clients.endpoints.token'), doc.token_endpoint],
        [t('clients.endpoints.refresh'), doc.token_endpoint, t('clients.endpoints.refreshNote')],
        [t('clients.endpoints.discovery'), discovery.data?.url],
        [t('clients.endpoints.issuer'), doc.issuer],
        [t('clients.endpoints.userinfo'), doc.userinfo_endpoint],
        [t('clients.endpoints.jwks'), doc.jwks_uri],
        [t('clients.endpoints.introspection'), doc.introspection_endpoint],
        [t('clients.endpoints.revocation'), doc.revocation_endpoint],
      ]
    : [];
  return (
    <section className="card" aria-labelledby="endpoints-title">
      <h2 id="endpoints-title">{t('clients.endpoints.title')}</h2>
      <p className="hint">{t('clients.endpoints.intro')}</p>
      {discovery.error ? <LoadError error={discovery.error} retry={() => void discovery.refetch()} /> : null}
      {rows
        .filter((r): r is [string, string, string?] => !!r[1])
        .map(([label, value, note]) => (
          <div key={label}>
            <CopyField label={label} value={value} />
            {note ? <p className="hint endpoint-note">{note}</p> : null}
          </div>
        ))}
    </section>
  );
}
