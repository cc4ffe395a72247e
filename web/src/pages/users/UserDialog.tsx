// Create a user: personal (e-mail, name, password for the sign-in page) or service (a username and password for
// the password grant). The API's errors (a username taken, an e-mail refused) land on their field.
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { api, call } from '../../api/client';
import { t } from '../../i18n';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Checkbox, Select } from '../../ui/Fields';
import { fieldRules, showApiError } from '../../ui/form';
import { LoadError } from '../../ui/Page';
import { FormText } from '../directory/FormText';
import { checkEmail, checkPassword, checkUsername } from './userRules';
import type { User } from './UsersPage';

interface Values {
  kind: 'personal' | 'service';
  username: string;
  password: string;
  email: string;
  email_verified: boolean;
  name: string;
}
const FIELDS = ['username', 'password', 'email', 'name', 'kind'] as const;

export function UserDialog({ space, onClose, onCreated }: { space: string; onClose(): void; onCreated(u: User): void }) {
  const { control, handleSubmit, setError, watch, setValue, formState } = useForm<Values>({
    mode: 'onChange',
    defaultValues: { kind: 'personal', username: '', password: '', email: '', email_verified: false, name: '' },
  });
  const [failure, setFailure] = useState<unknown>(null);
  const kind = watch('kind');
  const personal = kind === 'personal';

  const submit = handleSubmit(async (v) => {
    setFailure(null);
    try {
      const user = await call(
        api.POST('/spaces/{space}/users', {
          params: { path: { space } },
          body: {
            kind: v.kind,
            username: v.username,
            ...(v.password ? { password: v.password } : {}),
            ...(personal && v.email ? { email: v.email, email_verified: v.email_verified } : {}),
            ...(personal && v.name ? { name: v.name } : {}),
          },
        }),
      );
      onCreated(user);
    } catch (err) {
      if (!showApiError(err, setError, FIELDS)) setFailure(err);
    }
  });

  return (
    <Dialog title={t('users.createTitle')} isOpen onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Select
          label={t('users.kind')}
          value={kind}
          onChange={(v) => {
            setValue('kind', v as Values['kind']);
            // A service user has no e-mail or name: what was typed there would be refused out of sight, so it goes.
            if (v === 'service') for (const f of ['email', 'name'] as const) setValue(f, '', { shouldValidate: true });
          }}
          description={personal ? t('users.personalHint') : t('users.serviceHint')}
          options={[
            { id: 'personal', label: t('users.personal') },
            { id: 'service', label: t('users.service') },
          ]}
        />
        <FormText
          control={control}
          name="username"
          label={t('users.username')}
          description={t('users.usernameHint')}
          autoComplete="off"
          rules={{ ...fieldRules<Values>('createUser', 'username', t('users.username'), { required: true }), validate: checkUsername }}
        />
        {personal ? (
          <>
            <FormText
              control={control}
              name="email"
              type="email"
              label={t('users.email')}
              autoComplete="off"
              rules={{ ...fieldRules<Values>('createUser', 'email', t('users.email')), validate: checkEmail }}
            />
            <Checkbox isSelected={watch('email_verified')} onChange={(v) => setValue('email_verified', v)}>
              {t('users.emailVerified')}
            </Checkbox>
            <FormText
              control={control}
              name="name"
              label={t('users.name')}
              autoComplete="off"
              rules={fieldRules<Values>('createUser', 'name', t('users.name'))}
            />
          </>
        ) : null}
        <FormText
          control={control}
          name="password"
          type="password"
          label={t('users.password')}
          description={personal ? t('users.passwordOptional') : t('users.passwordHint')}
          autoComplete="new-password"
          rules={{ ...fieldRules<Values>('createUser', 'password', t('users.password'), { required: !personal }), validate: checkPassword }}
        />
        {failure ? <LoadError error={failure} /> : null}
        <div className="dialog-actions">
          <Button onPress={onClose}>{t('common.cancel')}</Button>
          <Button variant="primary" type="submit" isDisabled={formState.isSubmitting}>
            {t('common.create')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
