// A new admin: e-mail, an optional password (without one they cannot sign in until it is set), and roles.
import { useEffect, useState, useRef } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { Form } from 'react-aria-components';
import { api, call } from '../../api/client';
import { t } from '../../i18n';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { TextField, type Option } from '../../ui/Fields';
import { fieldRules, showApiError } from '../../ui/form';
import { LoadError } from '../../ui/Page';
import { RoleFields } from './RoleFields';
import { asRole, type Admin } from './roles';

interface Values {
  email: string;
  password: string;
}
interface Grant {
  key: number;
  space: string;
  role: string;
}

export function CreateAdminDialog({
  isOpen,
  spaces,
  initialSpace,
  onClose,
  onCreated,
}: {
  isOpen: boolean;
  spaces: Option[];
  initialSpace: string;
  onClose(): void;
  onCreated(admin: Admin): void;
}) {
  const form = useForm<Values>({ mode: 'onChange', defaultValues: { email: '', password: '' } });
  const first = (): Grant => ({ key: Date.now(), space: spaces.some((s) => s.id === initialSpace) ? initialSpace : (spaces[0]?.id ?? ''), role: 'viewer' });
  const [grants, setGrants] = useState<Grant[]>(() => [first()]);
  const [rolesError, setRolesError] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const close = () => {
    form.reset();
    setGrants([first()]);
    setRolesError(null);
    setFailure(null);
    onClose();
  };
  // The spaces arrive after the dialog is first rendered: start from the current space once it is open.
  useEffect(() => {
    if (isOpen) setGrants([first()]);
  }, [isOpen, spaces.length]);
  const duplicate = grants.findIndex((g, i) => grants.findIndex((o) => o.space === g.space) !== i);

  const sending = useRef(false);
  // Guarded, not isPending: this closes the dialog, and a pending button's announcement (aria-labelledby) would
  // outlive the button.
  const submit = form.handleSubmit(async (v) => {
    if (duplicate >= 0 || sending.current) return;
    sending.current = true;
    setFailure(null);
    setRolesError(null);
    try {
      const admin = await call(
        api.POST('/admins', {
          body: {
            email: v.email.trim(),
            ...(v.password ? { password: v.password } : {}),
            roles: grants.map(({ space, role }) => ({ space, role: asRole(role) })),
          },
        }),
      );
      form.reset();
      setGrants([first()]);
      onCreated(admin);
    } catch (err) {
      if (showApiError(err, form.setError, ['email', 'password'])) return;
      if (err instanceof Error && 'field' in err && String(err.field).startsWith('roles')) setRolesError(err.message);
      else setFailure(err);
    } finally {
      sending.current = false;
    }
  });

  return (
    <Dialog title={t('admins.createTitle')} isOpen={isOpen} onClose={close}>
      <Form onSubmit={(e) => void submit(e)} aria-label={t('admins.createTitle')}>
        <Controller
          control={form.control}
          name="email"
          rules={fieldRules<Values>('createAdmin', 'email', t('admins.email'), { required: true })}
          render={({ field, fieldState }) => (
            <TextField
              label={t('admins.email')}
              type="email"
              autoComplete="off"
              autoFocus
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={fieldState.error?.message}
              description={t('admins.emailHint')}
            />
          )}
        />
        <Controller
          control={form.control}
          name="password"
          rules={{ ...fieldRules<Values>('createAdmin', 'password', t('admins.password')), required: false }}
          render={({ field, fieldState }) => (
            <TextField
              label={t('admins.password')}
              type="password"
              autoComplete="new-password"
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={fieldState.error?.message}
              description={t('admins.passwordHint')}
            />
          )}
        />
        <fieldset className="roles">
          <legend>{t('admins.rolesLegend')}</legend>
          {grants.map((g, i) => (
            <div className="role-row" key={g.key}>
              <RoleFields
                space={g.space}
                role={g.role}
                spaces={spaces}
                spaceLabel={grants.length > 1 ? `${t('admins.space')} (${t('admins.roleOf', { n: i + 1 })})` : t('admins.space')}
                roleLabel={grants.length > 1 ? t('admins.roleOf', { n: i + 1 }) : t('admins.role')}
                spaceError={i === duplicate ? t('admins.duplicateSpace') : undefined}
                onChange={(next) => setGrants((gs) => gs.map((o) => (o.key === g.key ? { ...o, ...next } : o)))}
              />
              {grants.length > 1 ? (
                <Button variant="quiet" onPress={() => setGrants((gs) => gs.filter((o) => o.key !== g.key))}>
                  {t('admins.removeRole', { n: i + 1 })}
                </Button>
              ) : null}
            </div>
          ))}
          {rolesError ? (
            <p className="field-error" role="alert">
              {rolesError}
            </p>
          ) : null}
          <Button
            variant="quiet"
            className="add-role"
            onPress={() =>
              setGrants((gs) => [...gs, { key: Date.now(), space: spaces.find((s) => !gs.some((o) => o.space === s.id))?.id ?? '', role: 'viewer' }])
            }
            isDisabled={grants.length >= spaces.length}
          >
            {t('admins.addRole')}
          </Button>
        </fieldset>
        {failure ? <LoadError error={failure} /> : null}
        <div className="dialog-actions">
          <Button onPress={close}>{t('common.cancel')}</Button>
          <Button type="submit" variant="primary">
            {t('admins.add')}
          </Button>
        </div>
      </Form>
    </Dialog>
  );
}
