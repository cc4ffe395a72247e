// Subscribing a URL to the space's events, or changing a subscription: the URL (checked as typed for its form; the
// API then refuses what it cannot reach, such as a private address, and says so on the field), what it is for, and
// the event types. Creating answers the signing secret, which the caller shows once.
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { t } from '../../i18n';
import { Button } from '../../ui/Button';
import { FormText } from '../../ui/ControlledFields';
import { Dialog } from '../../ui/Dialog';
import { fieldRules, showApiError } from '../../ui/form';
import { LoadError, Notice } from '../../ui/Page';
import { EventTypePicker } from './EventTypePicker';
import { useEventTypes, type Webhook } from './webhooks-api';

interface SubscriptionValues {
  url: string;
  description: string;
  all: boolean;
  events: string[];
}

export function SubscriptionDialog({
  space,
  existing,
  isOpen,
  onClose,
  onCreated,
  onSaved,
}: {
  space: string;
  existing?: Webhook;
  isOpen: boolean;
  onClose(): void;
  /** A new subscription, with the secret that is shown this once. */
  onCreated(w: Webhook, secret: string): void;
  onSaved(w: Webhook): void;
}) {
  return (
    <Dialog title={existing ? t('webhooks.form.editTitle') : t('webhooks.form.createTitle')} isOpen={isOpen} onClose={onClose} required>
      <SubscriptionForm space={space} existing={existing} onClose={onClose} onCreated={onCreated} onSaved={onSaved} />
    </Dialog>
  );
}

function SubscriptionForm({
  space,
  existing,
  onClose,
  onCreated,
  onSaved,
}: {
  space: string;
  existing?: Webhook;
  onClose(): void;
  onCreated(w: Webhook, secret: string): void;
  onSaved(w: Webhook): void;
}) {
  const queryClient = useQueryClient();
  const types = useEventTypes();
  const [failure, setFailure] = useState<string | null>(null);
  const op = existing ? 'updateWebhook' : 'createWebhook';
  const form = useForm<SubscriptionValues>({
    mode: 'onChange',
    defaultValues: {
      url: existing?.url ?? '',
      description: existing?.description ?? '',
      all: existing ? existing.events.includes('*') : false,
      events: existing ? existing.events.filter((e) => e !== '*') : [],
    },
  });
  const all = form.watch('all');

  const submit = form.handleSubmit(async (v) => {
    setFailure(null);
    const body = { url: v.url.trim(), description: v.description.trim(), events: v.all ? ['*'] : v.events };
    try {
      if (existing) {
        const saved = await call(api.PATCH('/spaces/{space}/webhooks/{id}', { params: { path: { space, id: existing.id } }, body }));
        await queryClient.invalidateQueries({ queryKey: ['webhooks', space] });
        onSaved(saved);
      } else {
        const { secret, ...created } = await call(api.POST('/spaces/{space}/webhooks', { params: { path: { space } }, body }));
        await queryClient.invalidateQueries({ queryKey: ['webhooks', space] });
        onCreated(created, secret);
      }
    } catch (err) {
      if (!showApiError(err, form.setError, ['url', 'description', 'events'])) setFailure(err instanceof Error ? err.message : String(err));
    }
  });

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="vault-form">
      <FormText
        control={form.control}
        name="url"
        type="url"
        label={t('webhooks.form.url')}
        description={t('webhooks.form.urlHint')}
        placeholder="https://hooks.example.com/keyward"
        rules={{
          ...fieldRules<SubscriptionValues>(op, 'url', t('webhooks.form.url'), { required: true }),
          validate: (v) => String(v).trim() === '' || /^https?:\/\/[^\s/]+/i.test(String(v).trim()) || t('webhooks.form.urlForm'),
        }}
      />
      <FormText
        control={form.control}
        name="description"
        label={t('webhooks.form.description')}
        description={t('webhooks.form.descriptionHint')}
        rules={fieldRules<SubscriptionValues>(op, 'description', t('webhooks.form.description'))}
      />
      {types.error ? <LoadError error={types.error} retry={() => void types.refetch()} /> : null}
      <Controller
        control={form.control}
        name="events"
        rules={{ validate: (v, values) => values.all || v.length > 0 || t('webhooks.form.eventsRequired') }}
        render={({ field, fieldState }) => (
          <div className="field-slot" ref={(el) => field.ref(el ? { focus: () => el.querySelector<HTMLElement>('input[type="checkbox"]')?.focus() } : null)}>
            <EventTypePicker
              types={types.data ?? []}
              all={all}
              onAllChange={(v) => {
                form.setValue('all', v, { shouldDirty: true });
                void form.trigger('events');
              }}
              selected={field.value}
              onSelectedChange={field.onChange}
              error={fieldState.error?.message}
            />
          </div>
        )}
      />
      {failure ? <Notice kind="error">{failure}</Notice> : null}
      <div className="dialog-actions">
        <Button onPress={onClose}>{t('common.cancel')}</Button>
        <Button type="submit" variant="primary" isDisabled={form.formState.isSubmitting}>
          {existing ? t('common.save') : t('webhooks.form.subscribe')}
        </Button>
      </div>
    </form>
  );
}
