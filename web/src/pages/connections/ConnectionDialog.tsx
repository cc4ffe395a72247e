// A new connection (seed 003's access token): through which provider client, its name and description, how it
// gets its credentials (the kinds the provider offers), the placeholders its provider client left open, who may use
// it (global or one application) and how often it is renewed. A connection by consent goes on to the connect step.
import { useEffect, useState } from 'react';
import { useForm, type FieldPath } from 'react-hook-form';
import { useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { useSession } from '../../api/session';
import { t } from '../../i18n';
import { Button } from '../../ui/Button';
import { FormSelect, FormText } from '../../ui/ControlledFields';
import { Dialog } from '../../ui/Dialog';
import { fieldRules } from '../../ui/form';
import { Notice } from '../../ui/Page';
import { ConfigFields, configToApi } from './ConfigFields';
import { errorText, placeApiError } from './place-error';
import { kindLabel, needsConsent, useAllProviderClients, useProviders, type Connection, type ConnectionKind } from './vault-api';

interface ConnectionValues {
  provider_client: string;
  name: string;
  description: string;
  kind: string;
  environment: string;
  config: Record<string, string>;
  availability: 'global' | 'application';
  client_id: string;
  renewal: string;
  renewal_seconds: string;
  credentials: { api_key: string; secret: string; username: string; password: string };
}

const OP = 'createConnection';
const CREDENTIALS: Record<ConnectionKind, (keyof ConnectionValues['credentials'])[]> = {
  oauth2_authorization_code: [],
  oauth2_client_credentials: [],
  api_key_exchange: ['api_key', 'secret'],
  api_key: ['api_key'],
  basic: ['username', 'password'],
};
/** Seed 003: letters, digits and spaces (as the API checks it). */
const NAME = /^[\p{L}\p{N}]([\p{L}\p{N} ]*[\p{L}\p{N}])?$/u;

export function ConnectionDialog({
  space,
  providerClientId,
  isOpen,
  onClose,
  onCreated,
}: {
  space: string;
  /** Preselected provider client (from its row's "New connection"). */
  providerClientId?: string;
  isOpen: boolean;
  onClose(): void;
  onCreated(c: Connection): void;
}) {
  return (
    <Dialog title={t('connections.new.title')} isOpen={isOpen} onClose={onClose} required>
      <ConnectionForm space={space} providerClientId={providerClientId} onClose={onClose} onCreated={onCreated} />
    </Dialog>
  );
}

function ConnectionForm({
  space,
  providerClientId,
  onClose,
  onCreated,
}: {
  space: string;
  providerClientId?: string;
  onClose(): void;
  onCreated(c: Connection): void;
}) {
  const queryClient = useQueryClient();
  const providers = useProviders();
  const clients = useAllProviderClients(space);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<ConnectionValues>({
    mode: 'onChange',
    defaultValues: {
      provider_client: providerClientId ?? '',
      name: '',
      description: '',
      kind: '',
      environment: '',
      config: {},
      availability: 'global',
      client_id: '',
      renewal: '1h',
      renewal_seconds: '',
      credentials: { api_key: '', secret: '', username: '', password: '' },
    },
  });
  const { control } = form;
  const pcId = form.watch('provider_client');
  const pc = clients.data?.find((c) => c.id === pcId);
  const entry = pc ? providers.data?.find((p) => p.id === pc.provider) : undefined;
  const chosenKind = form.watch('kind');
  // The kind follows the provider client until the person picks one its provider offers.
  const kind = (entry?.kinds.includes(chosenKind as ConnectionKind) ? chosenKind : entry?.kinds[0]) as ConnectionKind | undefined;
  const availability = form.watch('availability');
  const renewal = form.watch('renewal');
  const mayConnect = useSession().can('space:write', space);
  useEffect(() => {
    // A space with one provider client: that is the one.
    if (clients.data?.length === 1 && !form.getValues('provider_client')) form.setValue('provider_client', clients.data[0]!.id);
  }, [clients.data, form]);
  useEffect(() => {
    if (entry && !entry.kinds.includes(form.getValues('kind') as ConnectionKind)) form.setValue('kind', entry.kinds[0]!);
  }, [entry, form]);

  if (clients.data && clients.data.length === 0) {
    return (
      <>
        <Notice kind="info">{t('connections.new.noProviderClients')}</Notice>
        <div className="dialog-actions">
          <Button onPress={onClose}>{t('common.close')}</Button>
        </div>
      </>
    );
  }

  const submit = form.handleSubmit(async (v) => {
    setFailure(null);
    if (!kind) return;
    const config = configToApi(v.config);
    const credentials = Object.fromEntries(CREDENTIALS[kind].map((f) => [f, v.credentials[f]]));
    try {
      const created = await call(
        api.POST('/spaces/{space}/connections', {
          params: { path: { space } },
          body: {
            provider_client: v.provider_client,
            name: v.name.trim(),
            kind,
            ...(v.description.trim() ? { description: v.description.trim() } : {}),
            ...(v.environment.trim() ? { environment: v.environment.trim() } : {}),
            ...(Object.keys(config).length ? { config } : {}),
            availability: v.availability,
            ...(v.availability === 'application' ? { client_id: v.client_id.trim() } : {}),
            renewal_rate: v.renewal === 'custom' ? Number(v.renewal_seconds) : (v.renewal as 'disabled' | '15m' | '30m' | '1h'),
            ...(CREDENTIALS[kind].length ? { credentials } : {}),
          },
        }),
      );
      await queryClient.invalidateQueries({ queryKey: ['connections', space] });
      onCreated(created);
    } catch (err) {
      const fields = [
        'provider_client',
        'name',
        'description',
        'kind',
        'environment',
        'availability',
        'client_id',
        ...Object.keys(entry?.config ?? {}).map((k) => `config.${k}`),
        ...CREDENTIALS[kind].map((f) => `credentials.${f}`),
      ];
      const rename: Record<string, string> = { renewal_rate: 'renewal_seconds' };
      if (!placeApiError(err, form.setError, fields, rename)) setFailure(errorText(err));
    }
  });

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="vault-form">
      <FormSelect
        control={control}
        name="provider_client"
        label={t('connections.new.providerClient')}
        description={t('connections.new.providerClientHint')}
        rules={{ required: t('common.required', { field: t('connections.new.providerClient') }) }}
        options={(clients.data ?? []).map((c) => ({
          id: c.id,
          label: `${c.name} (${providers.data?.find((p) => p.id === c.provider)?.name ?? c.provider})`,
        }))}
      />
      {pc && !pc.client_id ? <Notice kind="warning">{t('connections.new.clientIdMissing', { name: pc.name })}</Notice> : null}
      <FormText
        control={control}
        name="name"
        label={t('connections.new.name')}
        description={t('connections.new.nameHint')}
        rules={{
          ...fieldRules<ConnectionValues>(OP, 'name', t('connections.new.name'), { required: true }),
          validate: (v) => String(v).trim() === '' || NAME.test(String(v).trim()) || t('connections.new.nameRule'),
        }}
      />
      <FormText
        control={control}
        name="description"
        multiline
        label={t('connections.new.description')}
        rules={fieldRules<ConnectionValues>(OP, 'description', t('connections.new.description'))}
      />
      {entry ? (
        <>
          <FormSelect
            control={control}
            name="kind"
            label={t('connections.new.kind')}
            description={kind ? t(`connections.kindHints.${kind}`) : undefined}
            options={entry.kinds.map((k) => ({ id: k, label: kindLabel(k) }))}
          />
          {kind
            ? CREDENTIALS[kind].map((f) => (
                <FormText
                  key={f}
                  control={control}
                  name={`credentials.${f}` as FieldPath<ConnectionValues>}
                  type={f === 'secret' || f === 'password' ? 'password' : 'text'}
                  autoComplete={f === 'username' ? 'off' : 'new-password'}
                  label={t(`connections.credentials.${f}`)}
                  rules={{
                    required: t('common.required', { field: t(`connections.credentials.${f}`) }),
                    maxLength: { value: 8000, message: t('common.tooLong', { field: t(`connections.credentials.${f}`), n: 8000 }) },
                  }}
                />
              ))
            : null}
          <ConfigFields entry={entry} control={control} skip={pc?.config} />
        </>
      ) : null}
      <FormText
        control={control}
        name="environment"
        label={t('connections.new.environment')}
        description={t('connections.new.environmentHint')}
        rules={fieldRules<ConnectionValues>(OP, 'environment', t('connections.new.environment'))}
      />
      <FormSelect
        control={control}
        name="availability"
        label={t('connections.new.availability')}
        description={availability === 'global' ? t('connections.new.globalHint') : t('connections.new.applicationHint')}
        options={[
          { id: 'global', label: t('connections.new.global') },
          { id: 'application', label: t('connections.new.application') },
        ]}
      />
      {availability === 'application' ? (
        <FormText
          control={control}
          name="client_id"
          label={t('connections.new.clientId')}
          description={t('connections.new.clientIdHint')}
          rules={fieldRules<ConnectionValues>(OP, 'client_id', t('connections.new.clientId'), { required: true })}
        />
      ) : null}
      <FormSelect
        control={control}
        name="renewal"
        label={t('connections.new.renewal')}
        description={t('connections.new.renewalHint')}
        options={[
          { id: 'disabled', label: t('connections.renewal.disabled') },
          { id: '15m', label: t('connections.renewal.15m') },
          { id: '30m', label: t('connections.renewal.30m') },
          { id: '1h', label: t('connections.renewal.1h') },
          { id: 'custom', label: t('connections.renewal.custom') },
        ]}
      />
      {renewal === 'custom' ? (
        <FormText
          control={control}
          name="renewal_seconds"
          inputMode="numeric"
          label={t('connections.new.renewalSeconds')}
          rules={{
            required: t('common.required', { field: t('connections.new.renewalSeconds') }),
            pattern: { value: /^[0-9]+$/, message: t('connections.pc.lifetimeWhole') },
            validate: (v) => (Number(v) >= 60 && Number(v) <= 31_536_000) || t('connections.new.renewalRange'),
          }}
        />
      ) : null}
      {failure ? <Notice kind="error">{failure}</Notice> : null}
      <div className="dialog-actions">
        <Button onPress={onClose}>{t('common.cancel')}</Button>
        <Button type="submit" variant="primary" isDisabled={form.formState.isSubmitting}>
          {kind && needsConsent(kind) && mayConnect ? t('connections.new.createAndConnect') : t('common.create')}
        </Button>
      </div>
    </form>
  );
}
