// The signed-in admin's own page, reached from "Your account" in the top bar by every role: who they are, the roles
// they hold with what each allows (the session's own permission table), and their API tokens. Tokens are theirs to
// manage whatever their role (the API lets anyone create, list and revoke their own, like GitHub's personal tokens);
// the Admins page, which only owners see, is for everybody else's accounts.
import { useSession } from '../../api/session';
import { t } from '../../i18n';
import { Page } from '../../ui/Page';
import { explainRole, roleInSpace } from '../admins/roles';
import { TokensSection } from './TokensSection';
import '../../styles/admin-ui.css';

export function AccountPage() {
  const { session } = useSession();
  if (!session) return null;
  return (
    <Page title={t('account.title')}>
      <p className="intro">{t('account.intro')}</p>
      <dl className="account-facts">
        <dt>{t('account.email')}</dt>
        <dd>{session.email}</dd>
      </dl>
      <section className="section" aria-labelledby="account-roles-title">
        <h2 id="account-roles-title">{t('account.rolesTitle')}</h2>
        {session.roles.length ? (
          <dl className="role-explain">
            {session.roles.map((r) => (
              <div key={r.space}>
                <dt>{roleInSpace(r.role, r.space)}</dt>
                <dd>{explainRole(session, r.role)}</dd>
              </div>
            ))}
          </dl>
        ) : (
          <p className="muted">{t('account.noRoles')}</p>
        )}
      </section>
      <TokensSection />
    </Page>
  );
}
