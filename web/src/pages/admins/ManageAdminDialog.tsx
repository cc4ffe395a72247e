// One admin: their roles (change, remove, grant where the signed-in admin owns the space) and, for an owner of all
// spaces, the account itself (reset password, disable or enable, delete). Nobody disables or deletes themselves.
import { useState } from 'react';
import { Form } from 'react-aria-components';
import { useQueryClient } from '@tanstack/react-query';
import { api, ApiError, call } from '../../api/client';
import { useSession } from '../../api/session';
import { t } from '../../i18n';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Select, TextField, type Option } from '../../ui/Fields';
import { ruleOf } from '../../ui/form';
import { LoadError, Notice } from '../../ui/Page';
import { RoleFields } from './RoleFields';
import { ALL, asRole, explainRole, roleInSpace, roleOptions, spaceLabel, type Admin } from './roles';

export function ManageAdminDialog({
  admin,
  spaces,
  onClose,
  onChanged,
  onDeleted,
}: {
  admin: Admin | null;
  spaces: Option[];
  onClose(): void;
  onChanged(admin: Admin): void;
  onDeleted(admin: Admin): void;
}) {
  const { session, can } = useSession();
  const queryClient = useQueryClient();
  const [grant, setGrant] = useState<{ space: string; role: string } | null>(null);
  const [password, setPassword] = useState('');
  const [passwordError, setPasswordError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);

  const close = () => {
    setGrant(null);
    setPassword('');
    setPasswordError(null);
    setNotice(null);
    setFailure(null);
    setConfirmDelete(false);
    onClose();
  };
  /** Runs one change, then shows the admin as the API answers it. */
  const run = async (what: string, change: () => Promise<Admin | null>, done?: string) => {
    if (busy) return false;
    setBusy(what);
    setFailure(null);
    setNotice(null);
    try {
      const next = await change();
      await queryClient.invalidateQueries({ queryKey: ['admins'] });
      if (next) onChanged(next);
      if (done) setNotice(done);
      return true;
    } catch (err) {
      setFailure(err);
      return false;
    } finally {
      setBusy(null);
    }
  };

  if (!session) return null;
  const global = can('admins:manage', ALL);
  const self = admin?.id === session.admin_id;
  const free = spaces.filter((s) => !admin?.roles.some((r) => r.space === s.id));
  const nextGrant = grant ?? (free[0] ? { space: free[0].id, role: 'viewer' } : null);
  const minPassword = ruleOf('updateAdmin', 'password')?.minLength ?? 12;

  return (
    <Dialog title={admin ? t('admins.manageTitle', { email: admin.email }) : ''} isOpen={!!admin} onClose={close}>
      {admin ? (
        <>
          {self ? <p className="hint">{t('admins.selfNote')}</p> : null}
          {notice ? <Notice kind="success">{notice}</Notice> : null}
          {failure ? <LoadError error={failure} /> : null}
          <section className="dialog-section" aria-labelledby="admin-roles">
            <h3 id="admin-roles">{t('admins.currentRoles')}</h3>
            {admin.roles.length === 0 ? <p className="hint">{t('admins.noRoles')}</p> : null}
            {admin.roles.map((r) =>
              can('admins:manage', r.space) ? (
                <div className="role-row" key={r.space}>
                  <Select
                    label={t('admins.changeRole', { space: spaceLabel(r.space) })}
                    value={r.role}
                    options={roleOptions(session)}
                    description={explainRole(session, r.role)}
                    isDisabled={!!busy}
                    onChange={(role) =>
                      void run('role', () =>
                        call(
                          api.PUT('/admins/{admin_id}/roles/{space}', {
                            params: { path: { admin_id: admin.id, space: r.space } },
                            body: { role: asRole(role) },
                          }),
                        ),
                      )
                    }
                  />
                  <Button
                    variant="quiet"
                    isDisabled={!!busy}
                    onPress={() =>
                      void run('revoke', () =>
                        call(api.DELETE('/admins/{admin_id}/roles/{space}', { params: { path: { admin_id: admin.id, space: r.space } } })),
                      )
                    }
                  >
                    {t('admins.revokeRole', { space: spaceLabel(r.space) })}
                  </Button>
                </div>
              ) : (
                <p key={r.space}>{roleInSpace(r.role, r.space)}</p>
              ),
            )}
            {nextGrant ? (
              <Form
                className="grant"
                aria-labelledby="grant-title"
                onSubmit={(e) => {
                  e.preventDefault();
                  void run('grant', () =>
                    call(
                      api.PUT('/admins/{admin_id}/roles/{space}', {
                        params: { path: { admin_id: admin.id, space: nextGrant.space } },
                        body: { role: asRole(nextGrant.role) },
                      }),
                    ),
                  ).then((ok) => ok && setGrant(null));
                }}
              >
                <h4 id="grant-title">{t('admins.grantTitle')}</h4>
                <div className="role-row">
                  <RoleFields space={nextGrant.space} role={nextGrant.role} spaces={free} onChange={setGrant} />
                  <Button type="submit" isPending={busy === 'grant'}>
                    {t('admins.grant')}
                  </Button>
                </div>
              </Form>
            ) : null}
          </section>
          {global ? (
            <section className="dialog-section" aria-labelledby="admin-account">
              <h3 id="admin-account">{t('admins.account')}</h3>
              <Form
                className="inline-form"
                aria-label={t('admins.resetPassword')}
                onSubmit={(e) => {
                  e.preventDefault();
                  if (password.length < minPassword) {
                    setPasswordError(t('common.tooShort', { field: t('admins.newPassword'), n: minPassword }));
                    return;
                  }
                  setPasswordError(null);
                  void (async () => {
                    setBusy('password');
                    try {
                      onChanged(await call(api.PATCH('/admins/{admin_id}', { params: { path: { admin_id: admin.id } }, body: { password } })));
                      setPassword('');
                      setNotice(t('admins.passwordChanged'));
                    } catch (err) {
                      if (err instanceof ApiError && err.field === 'password') setPasswordError(err.message);
                      else setFailure(err);
                    } finally {
                      setBusy(null);
                    }
                  })();
                }}
              >
                <TextField
                  label={t('admins.newPassword')}
                  type="password"
                  autoComplete="new-password"
                  value={password}
                  onChange={(v) => {
                    setPassword(v);
                    if (passwordError && v.length >= minPassword) setPasswordError(null);
                  }}
                  error={passwordError ?? undefined}
                  description={t('admins.passwordHint').split('.')[0]}
                />
                <Button type="submit" isPending={busy === 'password'}>
                  {t('admins.resetPassword')}
                </Button>
              </Form>
              {!self ? (
                <>
                  <p className="hint">{t('admins.disableHint')}</p>
                  <div className="row-actions">
                    <Button
                      isPending={busy === 'disable'}
                      onPress={() =>
                        void run('disable', () =>
                          call(api.PATCH('/admins/{admin_id}', { params: { path: { admin_id: admin.id } }, body: { disabled: !admin.disabled } })),
                        )
                      }
                    >
                      {admin.disabled ? t('admins.enable') : t('admins.disable')}
                    </Button>
                    <Button variant="danger" onPress={() => setConfirmDelete(true)} isDisabled={confirmDelete}>
                      {t('admins.deleteAdmin')}
                    </Button>
                  </div>
                  {confirmDelete ? (
                    <div className="notice notice-error" role="group" aria-labelledby="delete-admin-title">
                      <p id="delete-admin-title">
                        <strong>{t('admins.deleteTitle', { email: admin.email })}</strong>
                      </p>
                      <p>{t('admins.deleteWhat')}</p>
                      <div className="row-actions">
                        <Button onPress={() => setConfirmDelete(false)}>{t('common.cancel')}</Button>
                        <Button
                          variant="danger"
                          autoFocus
                          onPress={() =>
                            void run('delete', async () => {
                              await call(api.DELETE('/admins/{admin_id}', { params: { path: { admin_id: admin.id } } }));
                              onDeleted(admin);
                              return null;
                            })
                          }
                        >
                          {t('admins.deleteConfirm')}
                        </Button>
                      </div>
                    </div>
                  ) : null}
                </>
              ) : null}
            </section>
          ) : (
            <p className="hint">{t('admins.ownOnly')}</p>
          )}
          <div className="dialog-actions">
            <Button variant="primary" onPress={close}>
              {t('common.close')}
            </Button>
          </div>
        </>
      ) : null}
    </Dialog>
  );
}
