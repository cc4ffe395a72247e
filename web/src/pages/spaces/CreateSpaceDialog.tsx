// A new space: its slug (part of the issuer URL, fixed), the name people see, and the default token lifetimes,
// shown as the values they take ("8 hours", "30 days"). The API's own refusals (a slug in use) land on the field.
import { Controller, useForm } from 'react-hook-form';
import { Form } from 'react-aria-components';
import { api, call } from '../../api/client';
import { t } from '../../i18n';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Select, TextField } from '../../ui/Fields';
import { fieldRules, showApiError } from '../../ui/form';
import { LoadError } from '../../ui/Page';
import { MAX_TTL_SECONDS, toSeconds, type Unit } from './duration';
import { useState, useRef } from 'react';

// registry/spaces.ts SLUG: the API checks the form of a slug in the service (its schema only bounds the length).
const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

interface Values {
  slug: string;
  display_name: string;
  access_amount: string;
  access_unit: Unit;
  refresh_amount: string;
  refresh_unit: Unit;
}
const FIELDS = ['slug', 'display_name', 'access_amount', 'refresh_amount'] as const;
const RENAME = { access_token_ttl: 'access_amount', refresh_token_ttl: 'refresh_amount' };

export type CreatedSpace = Awaited<ReturnType<typeof createSpace>>;
const createSpace = (body: { slug: string; display_name?: string; access_token_ttl: number; refresh_token_ttl: number }) => call(api.POST('/spaces', { body }));

function DurationField({ form, prefix, label }: { form: ReturnType<typeof useForm<Values>>; prefix: 'access' | 'refresh'; label: string }) {
  const units = (['minutes', 'hours', 'days'] as const).map((id) => ({ id, label: t(`spaces.${id}`) }));
  return (
    <fieldset className="roles">
      <legend>{label}</legend>
      <div className="duration">
        <Controller
          control={form.control}
          name={`${prefix}_amount`}
          rules={{
            required: t('common.required', { field: label }),
            validate: (v, all) => {
              if (!/^[0-9]{1,9}$/.test(v) || Number(v) < 1) return t('spaces.wholeNumber');
              const seconds = toSeconds(v, all[`${prefix}_unit`]);
              return seconds <= MAX_TTL_SECONDS || t('common.tooLarge', { field: label, n: '10 years' });
            },
          }}
          render={({ field, fieldState }) => (
            <TextField
              label={t('spaces.amount')}
              inputMode="numeric"
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={fieldState.error?.message}
            />
          )}
        />
        <Controller
          control={form.control}
          name={`${prefix}_unit`}
          render={({ field }) => (
            <Select
              label={t('spaces.unit')}
              value={field.value}
              onChange={(v) => {
                field.onChange(v);
                void form.trigger(`${prefix}_amount`);
              }}
              options={units}
            />
          )}
        />
      </div>
      <p className="hint">{t('spaces.ttlHint')}</p>
    </fieldset>
  );
}

export function CreateSpaceDialog({ isOpen, onClose, onCreated }: { isOpen: boolean; onClose(): void; onCreated(space: CreatedSpace): void }) {
  const [failure, setFailure] = useState<unknown>(null);
  const form = useForm<Values>({
    mode: 'onChange',
    defaultValues: { slug: '', display_name: '', access_amount: '8', access_unit: 'hours', refresh_amount: '30', refresh_unit: 'days' },
  });
  const slug = form.watch('slug');
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
      const created = await createSpace({
        slug: v.slug,
        ...(v.display_name.trim() ? { display_name: v.display_name.trim() } : {}),
        access_token_ttl: toSeconds(v.access_amount, v.access_unit),
        refresh_token_ttl: toSeconds(v.refresh_amount, v.refresh_unit),
      });
      form.reset();
      onCreated(created);
    } catch (err) {
      if (!showApiError(err, form.setError, FIELDS, RENAME)) setFailure(err);
    } finally {
      sending.current = false;
    }
  });

  return (
    <Dialog title={t('spaces.createTitle')} isOpen={isOpen} onClose={close}>
      <Form onSubmit={(e) => void submit(e)} aria-label={t('spaces.createTitle')}>
        <Controller
          control={form.control}
          name="slug"
          rules={{
            ...fieldRules<Values>('createSpace', 'slug', t('spaces.slug'), { required: true }),
            pattern: { value: SLUG, message: t('spaces.slugPattern') },
          }}
          render={({ field, fieldState }) => (
            <TextField
              label={t('spaces.slug')}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              autoFocus
              autoComplete="off"
              error={fieldState.error?.message}
              description={t('spaces.slugHint', { url: `${location.origin}/spaces/${slug || '…'}` })}
            />
          )}
        />
        <Controller
          control={form.control}
          name="display_name"
          rules={fieldRules<Values>('createSpace', 'display_name', t('spaces.displayName'))}
          render={({ field, fieldState }) => (
            <TextField
              label={t('spaces.displayName')}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              placeholder={slug}
              error={fieldState.error?.message}
              description={t('spaces.displayNameHint')}
            />
          )}
        />
        <DurationField form={form} prefix="access" label={t('spaces.accessTtlLabel')} />
        <DurationField form={form} prefix="refresh" label={t('spaces.refreshTtlLabel')} />
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
