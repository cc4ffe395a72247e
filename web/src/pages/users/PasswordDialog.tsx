// An admin sets a user's new password: typed, or generated here (then shown, with a copy button, until the dialog
// closes; the console keeps it nowhere).
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { api, call } from '../../api/client';
import { t } from '../../i18n';
import { Button } from '../../ui/Button';
import { CopyField } from '../../ui/CopyButton';
import { Dialog } from '../../ui/Dialog';
import { fieldRules, showApiError } from '../../ui/form';
import { LoadError, Notice } from '../../ui/Page';
import { FormText } from '../directory/FormText';
import { checkPassword, generatePassword } from './userRules';
import type { User } from './UsersPage';

interface Values {
  password: string;
}

export function PasswordDialog({ space, user, onClose, onSaved }: { space: string; user: User; onClose(): void; onSaved(u: User): void }) {
  const { control, handleSubmit, setError, setValue, formState } = useForm<Values>({ mode: 'onChange', defaultValues: { password: '' } });
  const [generated, setGenerated] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const submit = handleSubmit(async (v) => {
    setFailure(null);
    try {
      onSaved(await call(api.PATCH('/spaces/{space}/users/{user_id}', { params: { path: { space, user_id: user.id } }, body: { password: v.password } })));
    } catch (err) {
      if (!showApiError(err, setError, ['password'])) setFailure(err);
    }
  });

  return (
    <Dialog title={t('users.resetTitle', { name: user.username })} isOpen onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <p>{t('users.resetText')}</p>
        <FormText
          control={control}
          name="password"
          type={generated ? 'text' : 'password'}
          label={t('users.newPassword')}
          description={t('users.passwordHint')}
          autoComplete="new-password"
          rules={{ ...fieldRules<Values>('updateUser', 'password', t('users.newPassword'), { required: true }), validate: checkPassword }}
        />
        <Button
          onPress={() => {
            const p = generatePassword();
            setGenerated(p);
            setValue('password', p, { shouldValidate: true });
          }}
        >
          {t('users.generate')}
        </Button>
        {generated ? (
          <div className="generated">
            <Notice kind="warning">{t('users.generatedWarning')}</Notice>
            <CopyField label={t('users.generated')} value={generated} />
          </div>
        ) : null}
        {failure ? <LoadError error={failure} /> : null}
        <div className="dialog-actions">
          <Button onPress={onClose}>{t('common.cancel')}</Button>
          <Button variant="primary" type="submit" isDisabled={formState.isSubmitting}>
            {t('users.setPassword')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
