// A new connection (seed 003's access token): through which provider client, its name and description, how it
// gets its credentials (the kinds the provider offers), the placeholders its provider client left open, who may use
// it (global or one application) and how often it is renewed. A connection by consent goes on to the connect step.
// The same form edits an existing connection's settings (PATCH: every field but its kind; stored credentials are
// kept unless new ones are typed).
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
import { ConfigFields } from './ConfigFields';
import { CREDENTIALS, credentialsRequired, NEW_CONNECTION, toBody, tokensFromProvider, valuesOf, type ConnectionValues } from './connection-form';
import { errorText, placeApiError } from './place-error';
import { kindLabel, needsConsent, useAllProviderClients, useProviders, type Connection, type ConnectionKind } from './vault-api';

const OP = 'createConnection';
/** Seed 003: letters, digits and spaces (as the API checks it). */
const NAME = /^[\p{L}\p{N}]([\p{L}\p{N} ]*[\p{L}\p{N}])?$/u;

export function ConnectionDialog({
  space,
  providerClientId,
  existing,
  isOpen,
  onClose,
  onSaved,
}: {
  space: string;
  /** Preselected provider client (from its row's "New connection"). */
  providerClientId?: string;
  /** Edit this one; absent: create a new one. */
  existing?: Connection;
  isOpen: boolean;
  onClose(): void;
  onSaved(c: Connection, created: boolean): void;
}) {
  return (
    <Dialog title={existing ? t('connections.edit.title', { name: existing.name }) : t('connections.new.title')} isOpen={isOpen} onClose={onClose} required>
      <ConnectionForm space={space} providerClientId={providerClientId} existing={existing} onClose={onClose} onSaved={onSaved} />
    </Dialog>
  );
}

function ConnectionForm({
  space,
  providerClientId,
  existing,
  onClose,
  onSaved,
}: {
  space: string;
  providerClientId?: string;
  existing?: Connection;
  onClose(): void;
  onSaved(c: Connection, created: boolean): void;
}) {
  const queryClient = useQueryClient();
  const providers = useProviders();
  const clients = useAllProviderClients(space);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<ConnectionValues>({
    mode: 'onChange',
    defaultValues: existing ? valuesOf(existing) : { ...NEW_CONNECTION, provider_client: providerClientId ?? '' },
  });
  const { control } = form;
  const pcId = form.watch('provider_client');
  const pc = clients.data?.find((c) => c.id === pcId);
  const entry = pc ? providers.data?.find((p) => p.id === pc.provider) : undefined;
  const chosenKind = form.watch('kind');
  // The kind follows the provider client until the person picks one its provider offers; an existing one's is fixed.
  const kind = (existing?.kind ?? (entry?.kinds.includes(chosenKind as ConnectionKind) ? chosenKind : entry?.kinds[0])) as ConnectionKind | undefined;
  // Only provider clients whose provider offers the kind can carry an existing connection.
  const choosable = (clients.data ?? []).filter(
    (c) => !existing || providers.data?.find((p) => p.id === c.provider)?.kinds.includes(existing.kind as ConnectionKind),
  );
  const availability = form.watch('availability');
  const renewal = form.watch('renewal');
  const mayConnect = useSession().can('space:write', space);
  useEffect(() => {
    // A space with one provider client: that is the one.
    if (clients.data?.length === 1 && !form.getValues('provider_client')) form.setValue('provider_client', clients.data[0]!.id);
  }, [clients.data, form]);
  useEffect(() => {
    if (!existing && entry && !entry.kinds.includes(form.getValues('kind') as ConnectionKind)) form.setValue('kind', entry.kinds[0]!);
  }, [entry, form, existing]);

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
    try {
      const saved = existing
        ? await call(api.PATCH('/spaces/{space}/connections/{id}', { params: { path: { space, id: existing.id } }, body: toBody(v, kind, existing) }))
        : await call(api.POST('/spaces/{space}/connections', { params: { path: { space } }, body: toBody(v, kind) }));
      await queryClient.invalidateQueries({ queryKey: ['connections', space] });
      onSaved(saved, !existing);
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
        options={choosable.map((c) => ({
          id: c.id,
          label: `${c.name} (${providers.data?.find((p) => p.id === c.provider)?.name ?? c.provider})`,
        }))}
      />
      {pc && !pc.client_id ? <Notice kind="warning">{t('connections.new.clientIdMissing', { name: pc.name })}</Notice> : null}
      {existing && pcId !== existing.provider_client && tokensFromProvider(existing.kind) ? (
        <Notice kind="warning">{t('connections.edit.otherProviderClient')}</Notice>
      ) : null}
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
            description={existing ? t('connections.edit.kindFixed') : kind ? t(`connections.kindHints.${kind}`) : undefined}
            isDisabled={!!existing}
            options={(existing ? [existing.kind] : entry.kinds).map((k) => ({ id: k, label: kindLabel(k) }))}
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
                  description={existing?.has_credentials ? t('connections.edit.credentialsKept') : undefined}
                  rules={{
                    validate: (value) =>
                      value !== '' ||
                      !credentialsRequired(form.getValues(), kind, existing) ||
                      t('common.required', { field: t(`connections.credentials.${f}`) }),
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
          {existing ? t('common.save') : kind && needsConsent(kind) && mayConnect ? t('connections.new.createAndConnect') : t('common.create')}
        </Button>
      </div>
    </form>
  );
}
