// Step 2 of registering a provider client, and its edit form: the redirect URI to copy into the provider's app
// registration comes first, then what the provider issued (client ID and secret), then endpoints, scopes and the
// token lifetimes the provider does not report. Only what changed is sent (PATCH): a secret left empty is kept.
import { useState } from 'react';
import { useForm, type FieldPath } from 'react-hook-form';
import { useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { formatDuration, t } from '../../i18n';
import { Button } from '../../ui/Button';
import { FormSelect, FormText } from '../../ui/ControlledFields';
import { CopyField } from '../../ui/CopyButton';
import { fieldRules } from '../../ui/form';
import { Notice } from '../../ui/Page';
import { ConfigFields, configToApi, NOT_SET } from './ConfigFields';
import { LIFETIME_UNITS, lifetimeFromApi, lifetimeMs, lifetimeSeconds, lifetimesToApi, MAX_LIFETIME_MS, type LifetimeInput } from './lifetimes';
import { errorText, placeApiError } from './place-error';
import { providerDisplayName, type Provider, type ProviderClient } from './vault-api';

interface SettingsValues {
  name: string;
  client_id: string;
  client_secret: string;
  private_key: string;
  token_endpoint_auth_method: string;
  scope: string;
  authorization_url: string;
  token_url: string;
  api_base_url: string;
  config: Record<string, string>;
  access: LifetimeInput;
  refresh: LifetimeInput;
}

const OP = 'updateProviderClient';
const AUTH_METHODS = ['client_secret_basic', 'client_secret_post', 'private_key_jwt'] as const;

function valuesOf(pc: ProviderClient, entry: Provider): SettingsValues {
  return {
    name: pc.name,
    client_id: pc.client_id,
    client_secret: '',
    private_key: '',
    token_endpoint_auth_method: pc.token_endpoint_auth_method,
    scope: pc.scope,
    authorization_url: pc.authorization_url ?? '',
    token_url: pc.token_url ?? '',
    api_base_url: pc.api_base_url ?? '',
    config: Object.fromEntries(Object.keys(entry.config ?? {}).map((k) => [k, pc.config[k] ?? (entry.config?.[k]?.values ? NOT_SET : '')])),
    access: lifetimeFromApi(pc.access_token_expires_in, pc.expires_in_unit),
    refresh: lifetimeFromApi(pc.refresh_token_expires_in, pc.expires_in_unit),
  };
}

export function ProviderClientSettings({
  space,
  pc,
  entry,
  isNew,
  onCancel,
  onSaved,
}: {
  space: string;
  pc: ProviderClient;
  entry: Provider;
  /** Just created in step 1: the words say "finish later" rather than "cancel". */
  isNew: boolean;
  onCancel(): void;
  onSaved(pc: ProviderClient): void;
}) {
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<SettingsValues>({ mode: 'onChange', defaultValues: valuesOf(pc, entry) });
  const { control, formState } = form;
  // Read while rendering, so react-hook-form keeps this snapshot current (it updates only what a form reads then):
  // the save sends only the fields changed, and read first inside the save, a Save right after typing saw none
  // of them and dropped the client ID, scopes and endpoints just typed.
  const { dirtyFields } = formState;
  const method = form.watch('token_endpoint_auth_method');
  const access = form.watch('access');
  const refresh = form.watch('refresh');
  const label = (key: Parameters<typeof t>[0]) => t(key, { provider: providerDisplayName(entry, pc) });

  const submit = form.handleSubmit(async (v) => {
    setFailure(null);
    const dirty = dirtyFields;
    const body: Record<string, unknown> = {};
    for (const f of ['name', 'client_id', 'token_endpoint_auth_method', 'scope'] as const) if (dirty[f]) body[f] = v[f].trim();
    for (const f of ['authorization_url', 'token_url', 'api_base_url'] as const) if (dirty[f]) body[f] = v[f].trim() || null;
    if (v.client_secret !== '') body.client_secret = v.client_secret;
    if (v.private_key.trim() !== '') body.private_key = v.private_key;
    if (dirty.config) body.config = configToApi(v.config);
    if (dirty.access || dirty.refresh) Object.assign(body, lifetimesToApi(v.access, v.refresh));
    try {
      const saved = await call(api.PATCH('/spaces/{space}/provider-clients/{id}', { params: { path: { space, id: pc.id } }, body }));
      await queryClient.invalidateQueries({ queryKey: ['provider-clients', space] });
      onSaved(saved);
    } catch (err) {
      const fields: string[] = [
        ...Object.keys(valuesOf(pc, entry)),
        ...Object.keys(entry.config ?? {}).map((k) => `config.${k}`),
        'access.value',
        'refresh.value',
      ];
      const rename = { access_token_expires_in: 'access.value', refresh_token_expires_in: 'refresh.value', expires_in_unit: 'access.value' };
      if (!placeApiError(err, form.setError, fields, rename)) setFailure(errorText(err));
    }
  });

  const lifetimeField = (which: 'access' | 'refresh', legend: string, hint: string, current: LifetimeInput) => {
    const seconds = lifetimeSeconds(current);
    const fieldLabel = t('connections.pc.lifetimeValue');
    return (
      <fieldset className="lifetime">
        <legend>{legend}</legend>
        <div className="lifetime-row">
          <FormText
            control={control}
            name={`${which}.value` as FieldPath<SettingsValues>}
            label={fieldLabel}
            inputMode="numeric"
            description={seconds ? t('connections.pc.lifetimeIs', { duration: formatDuration(seconds) }) : hint}
            rules={{
              pattern: { value: /^\s*([1-9][0-9]*)?\s*$/, message: t('connections.pc.lifetimeWhole') },
              validate: (_v, all) => all[which].value.trim() === '' || lifetimeMs(all[which]) <= MAX_LIFETIME_MS || t('connections.pc.lifetimeTooLong'),
            }}
          />
          <FormSelect
            control={control}
            name={`${which}.unit` as FieldPath<SettingsValues>}
            label={t('connections.pc.unit')}
            options={LIFETIME_UNITS.map((u) => ({ id: u, label: t(`connections.units.${u}`) }))}
          />
        </div>
      </fieldset>
    );
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="pc-settings vault-form">
      {isNew ? <Notice kind="success">{t('connections.pc.created', { name: pc.name })}</Notice> : null}

      <section className="exchange" aria-labelledby="pc-register-heading">
        <h3 id="pc-register-heading">{label('connections.pc.registerHeading')}</h3>
        <p>{label('connections.pc.registerText')}</p>
        <CopyField label={t('connections.pc.redirectUri')} value={pc.redirect_uri} />
        {method === 'private_key_jwt' && pc.jwks ? (
          <>
            <p>{label('connections.pc.jwksText')}</p>
            <CopyField label={t('connections.pc.jwks')} value={JSON.stringify(pc.jwks)} />
          </>
        ) : null}
        {entry.docs_url ? (
          <p>
            <a href={entry.docs_url} target="_blank" rel="noopener noreferrer">
              {label('connections.pc.docs')}
            </a>
          </p>
        ) : null}
      </section>

      <h3>{label('connections.pc.issuedHeading')}</h3>
      <FormText
        control={control}
        name="client_id"
        label={t('connections.pc.clientId')}
        description={label('connections.pc.clientIdHint')}
        autoComplete="off"
        rules={fieldRules<SettingsValues>(OP, 'client_id', t('connections.pc.clientId'))}
      />
      {method === 'private_key_jwt' ? (
        <FormText
          control={control}
          name="private_key"
          multiline
          label={t('connections.pc.privateKey')}
          description={pc.has_private_key ? t('connections.pc.privateKeyKept') : t('connections.pc.privateKeyHint')}
          rules={fieldRules<SettingsValues>(OP, 'private_key', t('connections.pc.privateKey'))}
        />
      ) : (
        <FormText
          control={control}
          name="client_secret"
          type="password"
          autoComplete="new-password"
          label={t('connections.pc.clientSecret')}
          description={pc.has_client_secret ? t('connections.pc.secretKept') : label('connections.pc.secretHint')}
          rules={fieldRules<SettingsValues>(OP, 'client_secret', t('connections.pc.clientSecret'))}
        />
      )}

      <h3>{t('connections.pc.settingsHeading')}</h3>
      <FormText
        control={control}
        name="name"
        label={t('connections.pc.name')}
        description={t('connections.pc.nameHint')}
        rules={fieldRules<SettingsValues>(OP, 'name', t('connections.pc.name'), { required: true })}
      />
      <FormText
        control={control}
        name="scope"
        label={t('connections.pc.scope')}
        description={
          entry.scopes?.default?.length ? t('connections.pc.scopeDefault', { scopes: entry.scopes.default.join(' ') }) : t('connections.pc.scopeHint')
        }
        rules={fieldRules<SettingsValues>(OP, 'scope', t('connections.pc.scope'))}
      />
      <ConfigFields entry={entry} control={control} optional={t('connections.config.perConnection')} />
      <FormSelect
        control={control}
        name="token_endpoint_auth_method"
        label={t('connections.pc.authMethod')}
        description={t('connections.pc.authMethodDefault', { method: t(`connections.authMethods.${entry.token_endpoint_auth_method}`) })}
        options={AUTH_METHODS.map((m) => ({ id: m, label: t(`connections.authMethods.${m}`) }))}
      />
      {(['authorization_url', 'token_url', 'api_base_url'] as const).map((f) => (
        <FormText
          key={f}
          control={control}
          name={f}
          type="url"
          label={t(`connections.pc.${f}`)}
          description={entry[f] ? t('connections.pc.urlFromCatalog', { url: entry[f] }) : t('connections.pc.urlCustom')}
          rules={fieldRules<SettingsValues>(OP, f, t(`connections.pc.${f}`))}
        />
      ))}

      <h3>{t('connections.pc.lifetimesHeading')}</h3>
      <p className="hint">{label('connections.pc.lifetimesText')}</p>
      {lifetimeField('access', t('connections.pc.accessLifetime'), t('connections.pc.asProviderSays'), access)}
      {lifetimeField('refresh', t('connections.pc.refreshLifetime'), t('connections.pc.asProviderSays'), refresh)}

      {failure ? <Notice kind="error">{failure}</Notice> : null}
      <div className="dialog-actions">
        <Button onPress={onCancel}>{isNew ? t('connections.pc.finishLater') : t('common.cancel')}</Button>
        <Button type="submit" variant="primary" isDisabled={formState.isSubmitting}>
          {t('common.save')}
        </Button>
      </div>
    </form>
  );
}
