// The client's lifecycle actions, each behind a dialog that says what it does before it does it (seed 004):
// rotate the secret with a grace period, generate the webhook secret, deactivate or reactivate (all tokens become
// invalid), delete (type the name; says how many tokens go with it). New secrets are shown once.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api, ApiError, call } from '../../api/client';
import { formatDate, t } from '../../i18n';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { TextField } from '../../ui/Fields';
import { Notice } from '../../ui/Page';
import { RadioChoices } from '../../ui/RadioChoices';
import type { Client } from './form-model';
import { SecretDialog } from './SecretDialog';

type Open = null | 'rotate' | 'webhook' | 'active' | 'delete';
type Shown = null | { title: string; warning: string; values: { label: string; value: string }[]; note?: string };

const GRACE = [
  { id: '0', key: 'graceNone' },
  { id: '3600', key: 'grace1h' },
  { id: '86400', key: 'grace1d' },
  { id: '604800', key: 'grace7d' },
  { id: '2592000', key: 'grace30d' },
] as const;

const errorText = (err: unknown) => (err instanceof ApiError ? err.message : String(err));

export function ClientActions({
  space,
  client,
  onChanged,
  onDeleted,
}: {
  space: string;
  client: Client;
  /** The client as the API answered after a change (with its new ETag), or nothing: read it again. */
  onChanged(answer?: { client: Client; etag: string | null }): void;
  onDeleted(): void;
}) {
  const [open, setOpen] = useState<Open>(null);
  const [shown, setShown] = useState<Shown>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [grace, setGrace] = useState('0');
  const [typed, setTyped] = useState('');
  const path = { space, client_id: client.client_id };
  const name = client.name;
  const hasSecret = client.token_endpoint_auth_method === 'client_secret_basic' || client.token_endpoint_auth_method === 'client_secret_post';

  const tokens = useQuery({
    queryKey: ['client-token-count', space, client.client_id],
    enabled: open === 'delete',
    queryFn: () => call(api.GET('/spaces/{space}/tokens/count', { params: { path: { space }, query: { client_id: client.client_id } } })),
    staleTime: 0,
  });

  const close = () => {
    setOpen(null);
    setError(null);
    setTyped('');
  };
  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  const rotate = () =>
    run(async () => {
      const r = await call(api.POST('/spaces/{space}/clients/{client_id}/rotate-secret', { params: { path }, body: { grace_period: Number(grace) } }));
      close();
      const stillValid = Date.parse(r.previous_secret_expires_at) > Date.now();
      // The client's previous_secret_expires_at (and so its ETag) changed: read it again.
      onChanged();
      setShown({
        title: t('clients.rotate.doneTitle'),
        warning: t('clients.rotate.doneWarning'),
        values: [
          { label: t('clients.createdDialog.idLabel'), value: r.client_id },
          { label: t('clients.createdDialog.secretLabel'), value: r.client_secret },
        ],
        note: stillValid ? t('clients.rotate.previousUntil', { when: formatDate(r.previous_secret_expires_at) }) : t('clients.rotate.previousNow'),
      });
    });

  const webhookSecret = () =>
    run(async () => {
      const r = await call(api.POST('/spaces/{space}/clients/{client_id}/webhook-secret', { params: { path } }));
      close();
      onChanged();
      setShown({
        title: t('clients.webhookSecret.doneTitle'),
        warning: t('clients.webhookSecret.doneWarning'),
        values: [{ label: t('clients.webhookSecret.label'), value: r.webhook_secret }],
      });
    });

  const toggleActive = () =>
    run(async () => {
      const pending = api.PATCH('/spaces/{space}/clients/{client_id}', { params: { path }, body: { active: !client.active } });
      const answer = await call(pending);
      close();
      onChanged({ client: answer, etag: (await pending).response.headers.get('etag') });
    });

  const remove = () =>
    run(async () => {
      await call(api.DELETE('/spaces/{space}/clients/{client_id}', { params: { path } }));
      close();
      onDeleted();
    });

  const lifecycle = client.active ? 'deactivate' : 'reactivate';
  const count = tokens.data;

  return (
    <>
      <div className="client-actions" role="group" aria-label={t('clients.page.actions')}>
        {hasSecret ? <Button onPress={() => setOpen('rotate')}>{t('clients.page.rotate')}</Button> : null}
        <Button onPress={() => setOpen('webhook')}>
          {client.has_webhook_secret ? t('clients.page.webhookSecretReplace') : t('clients.page.webhookSecret')}
        </Button>
        <Button variant={client.active ? 'danger' : 'secondary'} onPress={() => setOpen('active')}>
          {client.active ? t('clients.page.deactivate') : t('clients.page.reactivate')}
        </Button>
        <Button variant="danger" onPress={() => setOpen('delete')}>
          {t('clients.page.delete')}
        </Button>
      </div>

      <Dialog title={t('clients.rotate.title')} isOpen={open === 'rotate'} onClose={close}>
        <p>{t('clients.rotate.intro')}</p>
        <RadioChoices
          label={t('clients.rotate.graceLabel')}
          value={grace}
          onChange={setGrace}
          choices={GRACE.map((g) => ({ id: g.id, label: t(`clients.rotate.${g.key}`) }))}
        />
        {error ? <Notice kind="error">{error}</Notice> : null}
        <div className="dialog-actions">
          <Button onPress={close}>{t('common.cancel')}</Button>
          <Button variant="primary" isDisabled={busy} onPress={() => void rotate()}>
            {t('clients.rotate.confirm')}
          </Button>
        </div>
      </Dialog>

      <Dialog title={t('clients.webhookSecret.title')} isOpen={open === 'webhook'} onClose={close}>
        <p>{t('clients.webhookSecret.intro')}</p>
        {error ? <Notice kind="error">{error}</Notice> : null}
        <div className="dialog-actions">
          <Button onPress={close}>{t('common.cancel')}</Button>
          <Button variant="primary" isDisabled={busy} onPress={() => void webhookSecret()}>
            {t('clients.webhookSecret.confirm')}
          </Button>
        </div>
      </Dialog>

      <Dialog title={t(`clients.${lifecycle}.title`, { name })} isOpen={open === 'active'} onClose={close} role="alertdialog">
        <p>{t(`clients.${lifecycle}.body`)}</p>
        {error ? <Notice kind="error">{error}</Notice> : null}
        <div className="dialog-actions">
          <Button onPress={close}>{t('common.cancel')}</Button>
          <Button variant={client.active ? 'danger' : 'primary'} isDisabled={busy} onPress={() => void toggleActive()}>
            {t(`clients.${lifecycle}.confirm`)}
          </Button>
        </div>
      </Dialog>

      <Dialog title={t('clients.remove.title', { name })} isOpen={open === 'delete'} onClose={close} role="alertdialog">
        <p aria-live="polite" data-testid="token-count">
          {!count
            ? tokens.error
              ? errorText(tokens.error)
              : t('clients.remove.counting')
            : count.total
              ? t('clients.remove.count', { total: count.total, grants: count.grants, tokens: count.access_tokens })
              : t('clients.remove.countNone')}
        </p>
        <p className="hint">{t('clients.remove.jwtNote')}</p>
        <p>
          <strong>{t('clients.remove.irreversible')}</strong>
        </p>
        <TextField
          label={t('clients.remove.typeLabel', { name })}
          value={typed}
          onChange={setTyped}
          autoComplete="off"
          error={typed && typed !== name && typed.length >= name.length ? t('clients.remove.typeMismatch') : undefined}
        />
        {error ? <Notice kind="error">{error}</Notice> : null}
        <div className="dialog-actions">
          <Button onPress={close}>{t('common.cancel')}</Button>
          <Button variant="danger" isDisabled={busy || typed !== name} onPress={() => void remove()}>
            {t('clients.remove.confirm')}
          </Button>
        </div>
      </Dialog>

      <SecretDialog
        isOpen={shown !== null}
        title={shown?.title ?? ''}
        warning={shown?.warning ?? ''}
        values={shown?.values ?? []}
        note={shown?.note}
        onClose={() => setShown(null)}
      />
    </>
  );
}
