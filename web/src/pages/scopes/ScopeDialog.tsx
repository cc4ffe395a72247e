// Create a scope, or edit one's description and default flag. Rules are checked as the person types (the API's
// own, from its document, and the scope-token form the API checks after); the API's errors land on their field.
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { api, call } from '../../api/client';
import type { components } from '../../api/schema';
import { t } from '../../i18n';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Checkbox } from '../../ui/Fields';
import { fieldRules, showApiError } from '../../ui/form';
import { LoadError } from '../../ui/Page';
import { FormText } from '../directory/FormText';

type Scope = components['schemas']['Scope'];
interface Values {
  name: string;
  description: string;
  default: boolean;
}

// RFC 6749 scope-token, as the server checks it (registry/client-rules.ts SCOPE_TOKEN).
const SCOPE_TOKEN = /^[\x21\x23-\x5b\x5d-\x7e]{1,100}$/;

export function ScopeDialog({
  space,
  scope,
  onClose,
  onSaved,
}: {
  space: string;
  scope: Scope | null;
  onClose(): void;
  onSaved(scope: Scope, created: boolean): void;
}) {
  const op = scope ? 'updateScope' : 'createScope';
  const { control, handleSubmit, setError, watch, setValue, formState } = useForm<Values>({
    mode: 'onChange',
    defaultValues: { name: scope?.name ?? '', description: scope?.description ?? '', default: scope?.default ?? false },
  });
  const [failure, setFailure] = useState<unknown>(null);

  const submit = handleSubmit(async (v) => {
    setFailure(null);
    try {
      const saved = scope
        ? await call(
            api.PATCH('/spaces/{space}/scopes/{name}', {
              params: { path: { space, name: scope.name } },
              body: { description: v.description, default: v.default },
            }),
          )
        : await call(
            api.POST('/spaces/{space}/scopes', { params: { path: { space } }, body: { name: v.name, description: v.description, default: v.default } }),
          );
      onSaved(saved, !scope);
    } catch (err) {
      if (!showApiError(err, setError, ['name', 'description'])) setFailure(err);
    }
  });

  return (
    <Dialog title={scope ? t('scopes.editTitle', { name: scope.name }) : t('scopes.createTitle')} isOpen onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <FormText
          control={control}
          name="name"
          label={t('scopes.name')}
          description={t('scopes.nameHint')}
          isReadOnly={!!scope}
          rules={
            scope
              ? {}
              : {
                  ...fieldRules<Values>(op, 'name', t('scopes.name'), { required: true }),
                  validate: (v: unknown) => !v || SCOPE_TOKEN.test(String(v)) || t('scopes.badName'),
                }
          }
        />
        <FormText
          control={control}
          name="description"
          label={t('scopes.description')}
          description={t('scopes.descriptionHint')}
          multiline
          rules={fieldRules<Values>(op, 'description', t('scopes.description'))}
        />
        <Checkbox isSelected={watch('default')} onChange={(v) => setValue('default', v)} description={t('scopes.defaultHint')}>
          {t('scopes.isDefault')}
        </Checkbox>
        {failure ? <LoadError error={failure} /> : null}
        <div className="dialog-actions">
          <Button onPress={onClose}>{t('common.cancel')}</Button>
          <Button variant="primary" type="submit" isDisabled={formState.isSubmitting}>
            {scope ? t('common.save') : t('common.create')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
