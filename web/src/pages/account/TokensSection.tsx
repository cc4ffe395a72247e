// The signed-in admin's own API tokens: listed without their values, created (the value shown once, to copy),
// revoked after a confirmation.
import { useState, useRef } from 'react';
import { Form } from 'react-aria-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import type { components } from '../../api/schema';
import { formatDate, t } from '../../i18n';
import { Button } from '../../ui/Button';
import { CopyField } from '../../ui/CopyButton';
import { Dialog } from '../../ui/Dialog';
import { Select, TextField } from '../../ui/Fields';
import { fieldRules, showApiError } from '../../ui/form';
import { LoadError, Notice } from '../../ui/Page';
import { DataTable } from '../../ui/Table';
import { Controller, useForm } from 'react-hook-form';

type Token = components['schemas']['AdminToken'];
const CONSOLE_TOKEN = 'console';
interface Values {
  name: string;
  expires: string;
}
const EXPIRIES: Record<string, number | null> = { '30': 30 * 86_400, '90': 90 * 86_400, '365': 365 * 86_400, never: null };

function statusOf(token: Token): string {
  if (token.revoked_at) return t('account.tokenRevoked');
  if (token.expires_at && new Date(token.expires_at).getTime() <= Date.now()) return t('account.tokenExpired');
  return t('account.tokenActive');
}

function CreateTokenDialog({ isOpen, onClose, onCreated }: { isOpen: boolean; onClose(): void; onCreated(token: string): void }) {
  const form = useForm<Values>({ mode: 'onChange', defaultValues: { name: '', expires: '90' } });
  const [failure, setFailure] = useState<unknown>(null);
  const expires = form.watch('expires');
  const close = () => {
    form.reset();
    setFailure(null);
    onClose();
  };
  const sending = useRef(false);
  // Guarded, not isPending: this closes the dialog, and a pending button's announcement (aria-labelledby) would
  // outlive the button.
  const submit = form.handleSubmit(async (v) => {
    if (sending.current) return;
    sending.current = true;
    setFailure(null);
    try {
      const made = await call(
        api.POST('/admins/{admin_id}/tokens', { params: { path: { admin_id: 'me' } }, body: { name: v.name.trim(), expires_in: EXPIRIES[v.expires] ?? null } }),
      );
      form.reset();
      onCreated(made.token);
    } catch (err) {
      if (!showApiError(err, form.setError, ['name'])) setFailure(err);
    } finally {
      sending.current = false;
    }
  });
  return (
    <Dialog title={t('account.newTokenTitle')} isOpen={isOpen} onClose={close}>
      <Form onSubmit={(e) => void submit(e)} aria-label={t('account.newTokenTitle')}>
        <Controller
          control={form.control}
          name="name"
          rules={fieldRules<Values>('createAdminToken', 'name', t('account.tokenName'), { required: true })}
          render={({ field, fieldState }) => (
            <TextField
              label={t('account.tokenName')}
              autoFocus
              autoComplete="off"
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={fieldState.error?.message}
              description={t('account.tokenNameHint')}
            />
          )}
        />
        <Controller
          control={form.control}
          name="expires"
          render={({ field }) => (
            <Select
              label={t('account.expiresIn')}
              value={field.value}
              onChange={field.onChange}
              options={[
                { id: '30', label: t('account.expires30') },
                { id: '90', label: t('account.expires90') },
                { id: '365', label: t('account.expires365') },
                { id: 'never', label: t('account.expiresNever') },
              ]}
            />
          )}
        />
        {expires === 'never' ? <Notice kind="warning">{t('account.neverWarning')}</Notice> : null}
        {failure ? <LoadError error={failure} /> : null}
        <div className="dialog-actions">
          <Button onPress={close}>{t('common.cancel')}</Button>
          <Button type="submit" variant="primary">
            {t('common.create')}
          </Button>
        </div>
      </Form>
    </Dialog>
  );
}

export function TokensSection() {
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<Token | null>(null);
  const [revokeError, setRevokeError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const tokens = useQuery({
    queryKey: ['admins', 'me', 'tokens'],
    queryFn: () => call(api.GET('/admins/{admin_id}/tokens', { params: { path: { admin_id: 'me' } } })),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['admins', 'me', 'tokens'] });
  const nameOf = (tk: Token) => (tk.name === CONSOLE_TOKEN ? `${tk.name} (${t('account.consoleToken')})` : tk.name);

  return (
    <section className="section" aria-labelledby="tokens-title">
      <div className="section-header">
        <h2 id="tokens-title">{t('account.tokensTitle')}</h2>
        <Button onPress={() => setCreating(true)}>{t('account.newToken')}</Button>
      </div>
      <p className="intro">{t('account.tokensIntro')}</p>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      {tokens.error ? <LoadError error={tokens.error} retry={() => void tokens.refetch()} /> : null}
      <DataTable
        label={t('account.tokensLabel')}
        rows={tokens.data?.items ?? []}
        rowKey={(tk) => tk.id}
        empty={tokens.isLoading ? t('common.loading') : t('account.noTokens')}
        columns={[
          { id: 'name', name: t('account.tokenName'), render: nameOf },
          { id: 'hint', name: t('account.tokenHint'), render: (tk) => <code>{tk.hint}…</code> },
          { id: 'created', name: t('account.tokenCreated'), render: (tk) => formatDate(tk.created_at) },
          { id: 'expires', name: t('account.tokenExpires'), render: (tk) => formatDate(tk.expires_at, t('common.never')) },
          { id: 'used', name: t('account.tokenLastUsed'), render: (tk) => formatDate(tk.last_used_at, t('common.never')) },
          { id: 'status', name: t('account.tokenStatus'), render: statusOf },
          {
            id: 'actions',
            name: t('common.actions'),
            render: (tk) =>
              statusOf(tk) === t('account.tokenActive') ? (
                <Button variant="quiet" aria-label={t('account.revokeOf', { name: tk.name })} onPress={() => setRevoking(tk)}>
                  {t('account.revoke')}
                </Button>
              ) : null,
          },
        ]}
      />
      <CreateTokenDialog
        isOpen={creating}
        onClose={() => setCreating(false)}
        onCreated={(value) => {
          setCreating(false);
          setSecret(value);
          void refresh();
        }}
      />
      <Dialog title={t('account.tokenShownOnce')} isOpen={!!secret} onClose={() => setSecret(null)} required>
        <Notice kind="warning">{t('account.tokenWarning')}</Notice>
        {secret ? <CopyField label={t('account.token')} value={secret} /> : null}
        <div className="dialog-actions">
          <Button variant="primary" onPress={() => setSecret(null)}>
            {t('account.tokenDone')}
          </Button>
        </div>
      </Dialog>
      <Dialog
        title={revoking ? t('account.revokeTitle', { name: revoking.name }) : ''}
        isOpen={!!revoking}
        onClose={() => {
          setRevoking(null);
          setRevokeError(null);
        }}
        role="alertdialog"
      >
        <p>{t('account.revokeWhat')}</p>
        {revoking?.name === CONSOLE_TOKEN ? <Notice kind="warning">{t('account.revokeConsole')}</Notice> : null}
        {revokeError ? <LoadError error={revokeError} /> : null}
        <div className="dialog-actions">
          <Button onPress={() => setRevoking(null)}>{t('common.cancel')}</Button>
          <Button
            variant="danger"
            onPress={async () => {
              if (!revoking || busy) return;
              setBusy(true);
              setRevokeError(null);
              try {
                await call(api.DELETE('/admins/{admin_id}/tokens/{token_id}', { params: { path: { admin_id: 'me', token_id: revoking.id } } }));
                setNotice(t('account.revoked', { name: revoking.name }));
                setRevoking(null);
                await refresh();
              } catch (err) {
                setRevokeError(err);
              } finally {
                setBusy(false);
              }
            }}
          >
            {t('account.revoke')}
          </Button>
        </div>
      </Dialog>
    </section>
  );
}
