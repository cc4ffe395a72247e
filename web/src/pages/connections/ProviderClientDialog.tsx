// Registering a provider client is a two-way exchange (seed 003): the provider's app registration needs Keyward's
// redirect URI, and Keyward needs the client ID and secret the provider then issues. So the dialog first saves the
// provider and a name, which gives the redirect URI (the API answers it), shows it to copy into the provider's
// registration, and only then asks for what the provider issued. Editing opens on the second step.
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { t } from '../../i18n';
import { Button } from '../../ui/Button';
import { FormText } from '../../ui/ControlledFields';
import { Dialog } from '../../ui/Dialog';
import { fieldRules } from '../../ui/form';
import { LoadError, Notice } from '../../ui/Page';
import { ConfigFields, configToApi } from './ConfigFields';
import { errorText, placeApiError } from './place-error';
import { ProviderClientSettings } from './ProviderClientSettings';
import { ProviderPicker } from './ProviderPicker';
import { useProviders, type Provider, type ProviderClient } from './vault-api';

export function ProviderClientDialog({
  space,
  existing,
  isOpen,
  onClose,
  onSaved,
}: {
  space: string;
  /** Edit this one; absent: register a new one. */
  existing?: ProviderClient;
  isOpen: boolean;
  onClose(): void;
  onSaved(pc: ProviderClient, created: boolean): void;
}) {
  return (
    <Dialog
      title={existing ? t('connections.pc.editTitle', { name: existing.name }) : t('connections.pc.createTitle')}
      isOpen={isOpen}
      onClose={onClose}
      required
    >
      <ProviderClientSteps space={space} existing={existing} onClose={onClose} onSaved={onSaved} />
    </Dialog>
  );
}

function ProviderClientSteps({
  space,
  existing,
  onClose,
  onSaved,
}: {
  space: string;
  existing?: ProviderClient;
  onClose(): void;
  onSaved(pc: ProviderClient, created: boolean): void;
}) {
  const providers = useProviders();
  const [pc, setPc] = useState<ProviderClient | undefined>(existing);
  if (providers.error) return <LoadError error={providers.error} retry={() => void providers.refetch()} />;
  if (!providers.data) return <p>{t('common.loading')}</p>;
  const entry = pc ? providers.data.find((p) => p.id === pc.provider) : undefined;
  if (!pc) return <StartStep space={space} providers={providers.data} onCreated={setPc} onCancel={onClose} />;
  if (!entry) return <Notice kind="error">{t('connections.pc.notInCatalog', { provider: pc.provider })}</Notice>;
  return <ProviderClientSettings space={space} pc={pc} entry={entry} isNew={!existing} onCancel={onClose} onSaved={(saved) => onSaved(saved, !existing)} />;
}

interface StartValues {
  provider: string;
  name: string;
  config: Record<string, string>;
}

/** Step 1: which provider, and the name Keyward shows; placeholders only where the provider is found by them. */
function StartStep({ space, providers, onCreated, onCancel }: { space: string; providers: Provider[]; onCreated(pc: ProviderClient): void; onCancel(): void }) {
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<StartValues>({ mode: 'onChange', defaultValues: { provider: '', name: '', config: {} } });
  const providerId = form.watch('provider');
  const entry = providers.find((p) => p.id === providerId);

  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      const config = configToApi(values.config);
      const created = await call(
        api.POST('/spaces/{space}/provider-clients', {
          params: { path: { space } },
          body: { provider: values.provider, name: values.name.trim(), ...(Object.keys(config).length ? { config } : {}) },
        }),
      );
      await queryClient.invalidateQueries({ queryKey: ['provider-clients', space] });
      onCreated(created);
    } catch (err) {
      const fields = ['provider', 'name', ...Object.keys(entry?.config ?? {}).map((k) => `config.${k}`)];
      if (!placeApiError(err, form.setError, fields)) setFailure(errorText(err));
    }
  });

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="vault-form">
      <p className="step-label">{t('connections.pc.step1')}</p>
      <Controller
        control={form.control}
        name="provider"
        rules={{ required: t('connections.provider.required') }}
        render={({ field, fieldState }) => (
          <div className="field-slot" ref={(el) => field.ref(el ? { focus: () => el.querySelector<HTMLElement>('[role="listbox"]')?.focus() } : null)}>
            <ProviderPicker
              providers={providers}
              value={field.value}
              error={fieldState.error?.message}
              onChange={(id) => {
                const before = providers.find((p) => p.id === field.value);
                const next = providers.find((p) => p.id === id);
                field.onChange(id);
                // The name follows the provider until the person writes one of their own.
                const name = form.getValues('name');
                if (next && (name === '' || name === before?.name)) form.setValue('name', next.name, { shouldValidate: true });
                form.setValue('config', Object.fromEntries(Object.entries(next?.config ?? {}).map(([k, spec]) => [k, spec.default ?? ''])));
              }}
            />
          </div>
        )}
      />
      {entry ? (
        <div className="provider-summary">
          {entry.description ? <p>{entry.description}</p> : null}
          {entry.docs_url ? (
            <p>
              <a href={entry.docs_url} target="_blank" rel="noopener noreferrer">
                {t('connections.pc.docs', { provider: entry.name })}
              </a>
            </p>
          ) : null}
        </div>
      ) : null}
      <FormText
        control={form.control}
        name="name"
        label={t('connections.pc.name')}
        description={t('connections.pc.nameHint')}
        rules={fieldRules<StartValues>('createProviderClient', 'name', t('connections.pc.name'), { required: true })}
      />
      {/* A provider found through discovery needs its issuer before anything else can be read. */}
      {entry?.discovery_url ? <ConfigFields entry={entry} control={form.control} /> : null}
      {failure ? <Notice kind="error">{failure}</Notice> : null}
      <div className="dialog-actions">
        <Button onPress={onCancel}>{t('common.cancel')}</Button>
        <Button type="submit" variant="primary" isDisabled={form.formState.isSubmitting}>
          {t('connections.pc.continue')}
        </Button>
      </div>
    </form>
  );
}
