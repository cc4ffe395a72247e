import { useEffect, useState } from 'react';
import { Form } from 'react-aria-components';
import { useSession } from '../api/session';
import { t } from '../i18n';
import { Button } from '../ui/Button';
import { TextField } from '../ui/Fields';
import { Notice } from '../ui/Page';

export function SignInPage() {
  const { signIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    document.title = `${t('shell.signIn.submit')} · Keyward`;
  }, []);

  return (
    <main className="sign-in">
      <Form
        className="card sign-in-card"
        aria-labelledby="sign-in-title"
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          setError(null);
          try {
            await signIn(email, password);
          } catch (err) {
            setError(err instanceof Error ? err.message : String(err));
          } finally {
            setBusy(false);
          }
        }}
      >
        <h1 id="sign-in-title">{t('shell.signIn.title')}</h1>
        <TextField
          label={t('shell.signIn.email')}
          type="email"
          name="username"
          autoComplete="username"
          value={email}
          onChange={setEmail}
          isRequired
          autoFocus
        />
        <TextField
          label={t('shell.signIn.password')}
          type="password"
          name="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          isRequired
        />
        {error ? <Notice kind="error">{error}</Notice> : null}
        <Button type="submit" variant="primary" isPending={busy}>
          {busy ? t('shell.signIn.working') : t('shell.signIn.submit')}
        </Button>
        <p className="hint">{t('shell.signIn.hint')}</p>
      </Form>
    </main>
  );
}
