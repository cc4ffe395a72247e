// One client: its status and actions, credentials, endpoints to copy, scopes, and its settings to edit beside the
// live summary and warnings. A save sends If-Match with the ETag read, so someone else's change made meanwhile is
// reported (412) instead of overwritten, and what was typed stays in the form.
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { api, ApiError, call } from '../../api/client';
import { useSession } from '../../api/session';
import { formatDate, t } from '../../i18n';
import { Button } from '../../ui/Button';
import { CopyField } from '../../ui/CopyButton';
import { showApiError } from '../../ui/form';
import { LoadError, Notice, Page } from '../../ui/Page';
import { ClientActions } from './ClientActions';
import { ClientEndpoints } from './ClientEndpoints';
import { ClientForm } from './ClientForm';
import { ClientMeaning } from './ClientMeaning';
import { ClientScopes } from './ClientScopes';
import { API_FIELDS, API_RENAME, bodyOf, formValuesOf, NEW_CLIENT, type Client, type ClientFormValues } from './form-model';
import { useClient, useSpaceDefaults } from './queries';
import { SecretDialog } from './SecretDialog';

export function ClientDetail({ space, clientId }: { space: string; clientId: string }) {
  const { can } = useSession();
  const canWrite = can('clients:write', space);
  const loaded = useClient(space, clientId);
  const defaults = useSpaceDefaults(space);
  const queries = useQueryClient();
  const navigate = useNavigate();
  const form = useForm<ClientFormValues>({ defaultValues: NEW_CLIENT, mode: 'onChange' });
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [stale, setStale] = useState(false);
  const [newSecret, setNewSecret] = useState<string | null>(null);
  const client = loaded.data?.client;

  // The form follows the client as loaded (first read, a reload, an action's answer) unless the person has typed
  // something not saved yet: that is never thrown away.
  // The version the form's values were read from: a save is conditional on it (If-Match). A background re-read
  // while the person types does not move it, so a change someone else made meanwhile answers 412, not lost.
  const base = useRef<string | null>(null);
  useEffect(() => {
    if (client && !form.formState.isDirty) {
      form.reset(formValuesOf(client));
      base.current = loaded.data?.etag ?? null;
    }
  }, [client, form, loaded.data?.etag]);

  /** After this page's own change (an action, scopes): the new version is the base, typed values stay. */
  const adopt = (answer?: { client: Client; etag: string | null }) => {
    if (answer) {
      queries.setQueryData(['client', space, clientId], answer);
      base.current = answer.etag;
    } else {
      void loaded.refetch().then((r) => {
        if (r.data) base.current = r.data.etag;
      });
    }
    void queries.invalidateQueries({ queryKey: ['clients', space] });
    // Token management says whether each token is still accepted, which a deactivation changes without revoking
    // a row: read again, not the list cached from before.
    void queries.invalidateQueries({ queryKey: ['tokens', space] });
  };

  const save = form.handleSubmit(
    async (values) => {
      setMessage(null);
      try {
        const pending = api.PATCH('/spaces/{space}/clients/{client_id}', {
          params: { path: { space, client_id: clientId }, header: base.current ? { 'if-match': base.current } : {} },
          body: bodyOf(values, false),
        });
        // A secret in the answer (a public client turned confidential) is shown once, never kept with the client.
        const { client_secret: secret, client_secret_expires_at: _expires, ...saved } = await call(pending);
        form.reset(formValuesOf(saved));
        adopt({ client: saved, etag: (await pending).response.headers.get('etag') });
        if (secret) setNewSecret(secret);
        setMessage({ kind: 'success', text: t('clients.form.saved') });
      } catch (err) {
        if (err instanceof ApiError && err.status === 412) setStale(true);
        else if (!showApiError(err, form.setError, API_FIELDS, API_RENAME))
          setMessage({ kind: 'error', text: err instanceof ApiError ? err.message : String(err) });
      }
    },
    () => setMessage({ kind: 'error', text: t('clients.form.fixErrors') }),
  );

  if (loaded.error) {
    const gone = loaded.error instanceof ApiError && loaded.error.status === 404;
    return (
      <Page title={t('clients.title')}>
        {gone ? (
          <Notice kind="error">{t('clients.notFound', { id: clientId })}</Notice>
        ) : (
          <LoadError error={loaded.error} retry={() => void loaded.refetch()} />
        )}
        <Link to="/spaces/$space/clients" params={{ space }}>
          {t('clients.backToList')}
        </Link>
      </Page>
    );
  }
  if (!client) {
    return (
      <Page title={t('clients.title')}>
        <p>{t('common.loading')}</p>
      </Page>
    );
  }

  const previousUntil = client.previous_secret_expires_at;
  const hasSecret = client.token_endpoint_auth_method === 'client_secret_basic' || client.token_endpoint_auth_method === 'client_secret_post';
  return (
    <Page
      title={client.client_name || client.name}
      actions={
        <Link className="btn btn-quiet" to="/spaces/$space/clients" params={{ space }}>
          {t('clients.backToList')}
        </Link>
      }
    >
      <div className="client-status">
        <span className={`badge ${client.active ? 'badge-active' : 'badge-inactive'}`}>
          {client.active ? t('clients.page.active') : t('clients.page.inactive')}
        </span>
        <span className="hint">
          {client.name}
          {client.version ? ` · ${client.version}` : ''} · {client.client_type === 'public' ? t('clients.public') : t('clients.confidential')}
        </span>
      </div>
      {!client.active && client.deactivated_at ? (
        <Notice kind="warning">{t('clients.page.deactivatedSince', { when: formatDate(client.deactivated_at) })}</Notice>
      ) : null}
      {canWrite ? (
        <ClientActions
          space={space}
          client={client}
          onChanged={adopt}
          onDeleted={() => {
            void queries.invalidateQueries({ queryKey: ['clients', space] });
            void queries.invalidateQueries({ queryKey: ['tokens', space] });
            void navigate({ to: '/spaces/$space/clients', params: { space } });
          }}
        />
      ) : (
        <p className="hint">{t('clients.page.readOnly')}</p>
      )}

      <div className="client-cards">
        <section className="card" aria-labelledby="credentials-title">
          <h2 id="credentials-title">{t('clients.page.credentials')}</h2>
          <CopyField label={t('clients.clientId')} value={client.client_id} />
          <p className="hint">{hasSecret ? t('clients.page.secretHidden') : t('clients.page.noSecret')}</p>
          {/* From the client itself, so it is still said after a reload (a past time: the grace period is over). */}
          {previousUntil ? (
            <p>
              {Date.parse(previousUntil) > Date.now()
                ? t('clients.page.previousSecretUntil', { when: formatDate(previousUntil) })
                : t('clients.page.previousSecretGone', { when: formatDate(previousUntil) })}
            </p>
          ) : null}
          <p className="hint">{client.has_webhook_secret ? t('clients.page.webhookSecretSet') : t('clients.page.webhookSecretNone')}</p>
        </section>
        <ClientEndpoints issuer={defaults.data?.issuer} />
      </div>

      <ClientScopes space={space} clientId={clientId} canWrite={canWrite} onChanged={() => adopt()} />

      <form className="client-layout" onSubmit={(e) => void save(e)} noValidate aria-labelledby="settings-title">
        <div className="client-main">
          <h2 id="settings-title" className="settings-title">
            {t('clients.form.editTitle')}
          </h2>
          <ClientForm form={form} isNew={false} defaults={defaults.data} readOnly={!canWrite} />
          {stale ? (
            <Notice kind="warning">
              {t('clients.form.changedElsewhere')}{' '}
              <Button
                variant="quiet"
                onPress={() => {
                  setStale(false);
                  void loaded.refetch().then((r) => {
                    if (!r.data) return;
                    form.reset(formValuesOf(r.data.client));
                    base.current = r.data.etag;
                  });
                }}
              >
                {t('clients.form.reload')}
              </Button>
            </Notice>
          ) : null}
          {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
          {canWrite ? (
            <div className="form-actions">
              <Button type="submit" variant="primary" isDisabled={form.formState.isSubmitting}>
                {t('clients.form.save')}
              </Button>
            </div>
          ) : null}
        </div>
        <ClientMeaning values={form.watch()} defaults={defaults.data} active={client.active} />
      </form>
      <SecretDialog
        isOpen={newSecret !== null}
        title={t('clients.createdDialog.title')}
        warning={t('clients.createdDialog.warning')}
        values={[
          { label: t('clients.createdDialog.idLabel'), value: client.client_id },
          { label: t('clients.createdDialog.secretLabel'), value: newSecret ?? '' },
        ]}
        onClose={() => setNewSecret(null)}
      />
    </Page>
  );
}
