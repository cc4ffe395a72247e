// The client's settings, in the sections people think in (seeds 000, 002, 004): basics, type and authentication,
// grants and redirects, tokens, scopes, links, webhook. Each field explains itself; lifetimes show the space's
// defaults as values. Rules come from the API's own schema (fieldRules) plus the API's cross-field rules that a form
// can know before sending (a redirect URI for the code flow, a number where a number is asked).
import type { ReactNode } from 'react';
import { Controller, type FieldPath, type RegisterOptions, type UseFormReturn } from 'react-hook-form';
import { formatDuration, t } from '../../i18n';
import { Checkbox, Select, TextField } from '../../ui/Fields';
import { fieldRules } from '../../ui/form';
import { RadioChoices } from '../../ui/RadioChoices';
import { MAX_REFRESH_LIMIT, MAX_TTL, splitLines, usesRefresh, type ClientFormValues } from './form-model';
import { GRANTS, grantHelp } from './grants';
import type { SpaceDefaults } from './meaning';

type Form = UseFormReturn<ClientFormValues>;
type Rules = RegisterOptions<ClientFormValues, FieldPath<ClientFormValues>>;

const OP = 'createClient';
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Each non-empty line must parse as an absolute URL (the API checks scheme and host rules and names the field). */
const urlLines = (text: unknown) => {
  const list = splitLines(String(text ?? ''));
  for (const [i, line] of list.entries()) {
    try {
      new URL(line);
    } catch {
      return t('clients.form.lineNotUrl', { n: i + 1 });
    }
  }
  return true;
};
const url = (text: unknown) => {
  const s = String(text ?? '').trim();
  if (!s) return true;
  try {
    new URL(s);
    return true;
  } catch {
    return t('clients.form.notUrl');
  }
};
const wholeNumber = (text: unknown, min: number, max: number) => {
  const s = String(text ?? '').trim();
  return /^\d+$/.test(s) && Number(s) >= min && Number(s) <= max;
};

function Section({ id, title, help, children }: { id: string; title: string; help: string; children: ReactNode }) {
  return (
    <section className="form-section" aria-labelledby={`section-${id}`}>
      <h2 id={`section-${id}`}>{title}</h2>
      <p className="hint">{help}</p>
      {children}
    </section>
  );
}

export function ClientForm({ form, isNew, defaults, readOnly = false }: { form: Form; isNew: boolean; defaults?: SpaceDefaults; readOnly?: boolean }) {
  const { control, watch, setValue } = form;
  const values = watch();
  const refresh = usesRefresh(values);

  /** A text field bound to the form, showing the rule that failed or the API's message for it. */
  const text = (
    name: FieldPath<ClientFormValues>,
    label: string,
    opts: { description?: ReactNode; rules?: Rules; multiline?: boolean; rows?: number; isDisabled?: boolean; inputMode?: 'numeric' } = {},
  ) => (
    <Controller
      control={control}
      name={name}
      rules={opts.rules}
      render={({ field, fieldState }) => (
        <TextField
          label={label}
          description={opts.description}
          error={fieldState.error?.message}
          value={String(field.value ?? '')}
          onChange={field.onChange}
          onBlur={field.onBlur}
          name={field.name}
          inputRef={field.ref}
          multiline={opts.multiline}
          rows={opts.rows}
          isDisabled={readOnly || opts.isDisabled}
          inputMode={opts.inputMode}
        />
      )}
    />
  );

  const ttlChoices = (spaceValue: number | undefined) => [
    { id: 'default', label: t('clients.form.ttlDefault', { value: spaceValue ? formatDuration(spaceValue) : '…' }) },
    { id: 'never', label: t('clients.form.ttlNever') },
    { id: 'custom', label: t('clients.form.ttlCustom') },
  ];
  const ttlSeconds = (name: 'access_ttl' | 'refresh_ttl', what: string) => {
    const seconds = values[name];
    const ok = wholeNumber(seconds, 1, MAX_TTL);
    return text(name, t('clients.form.ttlSecondsLabel', { what }), {
      inputMode: 'numeric',
      description: ok ? t('clients.form.ttlIs', { value: formatDuration(Number(seconds)) }) : undefined,
      rules: {
        validate: (v, all) =>
          all[name === 'access_ttl' ? 'access_ttl_mode' : 'refresh_ttl_mode'] !== 'custom' ||
          wholeNumber(v, 1, MAX_TTL) ||
          t('clients.form.ttlBad', { max: MAX_TTL }),
      },
    });
  };

  const confidential = values.client_type === 'confidential';
  const methods = (confidential ? (['client_secret_basic', 'client_secret_post', 'private_key_jwt'] as const) : (['none'] as const)).map((m) => ({
    id: m,
    label: t(`clients.form.method.${m}`),
  }));

  return (
    <div className="client-form">
      <Section id="basics" title={t('clients.form.basics')} help={t('clients.form.basicsHelp')}>
        {text('name', t('clients.form.nameLabel'), {
          description: isNew ? t('clients.form.nameHelp') : t('clients.form.nameFixed'),
          isDisabled: !isNew,
          rules: isNew
            ? {
                ...fieldRules<ClientFormValues>(OP, 'name', t('clients.form.nameLabel'), { required: true }),
                validate: (v) => String(v).trim() !== '' || t('common.required', { field: t('clients.form.nameLabel') }),
              }
            : undefined,
        })}
        {text('client_name', t('clients.form.clientNameLabel'), {
          description: t('clients.form.clientNameHelp'),
          rules: fieldRules<ClientFormValues>(OP, 'client_name', t('clients.form.clientNameLabel')),
        })}
        {text('version', t('clients.form.versionLabel'), {
          description: t('clients.form.versionHelp'),
          rules: fieldRules<ClientFormValues>(OP, 'version', t('clients.form.versionLabel')),
        })}
        {text('description', t('clients.form.descriptionLabel'), {
          description: t('clients.form.descriptionHelp'),
          multiline: true,
          rows: 2,
          rules: fieldRules<ClientFormValues>(OP, 'description', t('clients.form.descriptionLabel')),
        })}
      </Section>

      <Section id="auth" title={t('clients.form.auth')} help={t('clients.form.authHelp')}>
        <Controller
          control={control}
          name="client_type"
          render={({ field, fieldState }) => (
            <RadioChoices
              label={t('clients.form.typeLabel')}
              value={field.value}
              error={fieldState.error?.message}
              isDisabled={readOnly}
              onChange={(v) => {
                field.onChange(v);
                // A public client has no credentials; a confidential one needs a way to authenticate.
                setValue('token_endpoint_auth_method', v === 'public' ? 'none' : 'client_secret_basic', { shouldDirty: true });
                if (v === 'public') {
                  const grants = form
                    .getValues('grant_types')
                    .filter((g) => !['client_credentials', 'password', 'urn:ietf:params:oauth:grant-type:token-exchange'].includes(g));
                  setValue('grant_types', grants, { shouldDirty: true, shouldValidate: true });
                }
              }}
              choices={[
                { id: 'confidential', label: t('clients.form.typeConfidential') },
                { id: 'public', label: t('clients.form.typePublic') },
              ]}
            />
          )}
        />
        <Controller
          control={control}
          name="token_endpoint_auth_method"
          render={({ field, fieldState }) => (
            <Select
              label={t('clients.form.methodLabel')}
              description={t('clients.form.methodHelp')}
              error={fieldState.error?.message}
              value={field.value}
              onChange={field.onChange}
              options={methods}
              isDisabled={readOnly || !confidential}
            />
          )}
        />
        {values.token_endpoint_auth_method === 'private_key_jwt'
          ? text('jwks_uri', t('clients.form.jwksUriLabel'), { description: t('clients.form.jwksUriHelp'), rules: { validate: url } })
          : null}
      </Section>

      <Section id="grants" title={t('clients.form.grantsAndRedirects')} help={t('clients.form.grantsHelp')}>
        <Controller
          control={control}
          name="grant_types"
          rules={{ validate: (v) => (Array.isArray(v) && v.length > 0) || t('common.required', { field: t('clients.form.grantTypesLabel') }) }}
          render={({ field, fieldState }) => (
            <div
              role="group"
              aria-labelledby="grant-types-label"
              className="field grant-types"
              aria-describedby={fieldState.error ? 'grant-types-error' : undefined}
            >
              <span id="grant-types-label" className="group-label">
                {t('clients.form.grantTypesLabel')}
              </span>
              {GRANTS.filter((g) => g.id !== 'implicit' || field.value.includes('implicit') || !confidential).map((g) => {
                const needsSecret = ['client_credentials', 'password', 'urn:ietf:params:oauth:grant-type:token-exchange'].includes(g.id);
                return (
                  <Checkbox
                    key={g.id}
                    isSelected={field.value.includes(g.id)}
                    isDisabled={readOnly || (needsSecret && !confidential) || (g.id === 'implicit' && confidential)}
                    description={grantHelp(g.key)}
                    onChange={(on) => {
                      field.onChange(on ? [...field.value, g.id] : field.value.filter((x) => x !== g.id));
                      void form.trigger(['redirect_uris', 'grant_types']);
                    }}
                  >
                    {t(`clients.grant.${g.key}`)}
                  </Checkbox>
                );
              })}
              {fieldState.error ? (
                <p id="grant-types-error" className="field-error" role="alert">
                  {fieldState.error.message}
                </p>
              ) : null}
            </div>
          )}
        />
        {text('redirect_uris', t('clients.form.redirectUrisLabel'), {
          description: t('clients.form.redirectUrisHelp'),
          multiline: true,
          rules: {
            validate: (v, all) => {
              const needed = all.grant_types.includes('authorization_code') || all.grant_types.includes('implicit');
              if (needed && splitLines(String(v)).length === 0) return t('common.required', { field: t('clients.form.redirectUrisLabel') });
              return urlLines(v);
            },
          },
        })}
        {text('post_logout_redirect_uris', t('clients.form.postLogoutLabel'), {
          description: t('clients.form.postLogoutHelp'),
          multiline: true,
          rows: 2,
          rules: { validate: urlLines },
        })}
        {text('allowed_cors_origins', t('clients.form.corsLabel'), {
          description: t('clients.form.corsHelp'),
          multiline: true,
          rows: 2,
          rules: { validate: urlLines },
        })}
      </Section>

      <Section id="tokens" title={t('clients.form.tokens')} help={t('clients.form.tokensHelp')}>
        <Controller
          control={control}
          name="access_ttl_mode"
          render={({ field }) => (
            <RadioChoices
              label={t('clients.form.accessTtlLabel')}
              value={field.value}
              onChange={(v) => {
                field.onChange(v);
                void form.trigger('access_ttl');
              }}
              isDisabled={readOnly}
              choices={ttlChoices(defaults?.access_token_ttl)}
            />
          )}
        />
        {values.access_ttl_mode === 'custom' ? ttlSeconds('access_ttl', t('clients.form.accessTtlLabel')) : null}
        {refresh ? null : <p className="hint">{t('clients.form.refreshNotUsed')}</p>}
        <Controller
          control={control}
          name="refresh_ttl_mode"
          render={({ field }) => (
            <RadioChoices
              label={t('clients.form.refreshTtlLabel')}
              value={field.value}
              onChange={(v) => {
                field.onChange(v);
                void form.trigger('refresh_ttl');
              }}
              isDisabled={readOnly || !refresh}
              choices={ttlChoices(defaults?.refresh_token_ttl)}
            />
          )}
        />
        {refresh && values.refresh_ttl_mode === 'custom' ? ttlSeconds('refresh_ttl', t('clients.form.refreshTtlLabel')) : null}
        <Controller
          control={control}
          name="refresh_limit_mode"
          render={({ field }) => (
            <RadioChoices
              label={t('clients.form.refreshLimitLabel')}
              value={field.value}
              onChange={(v) => {
                field.onChange(v);
                void form.trigger('refresh_limit');
              }}
              isDisabled={readOnly || !refresh}
              orientation="horizontal"
              choices={[
                { id: 'unlimited', label: t('clients.form.refreshUnlimited') },
                { id: 'limited', label: t('clients.form.refreshLimited') },
              ]}
            />
          )}
        />
        {refresh && values.refresh_limit_mode === 'limited'
          ? text('refresh_limit', t('clients.form.refreshLimitNumber'), {
              inputMode: 'numeric',
              description: t('clients.form.refreshLimitHelp'),
              rules: {
                validate: (v, all) => all.refresh_limit_mode !== 'limited' || wholeNumber(v, 0, MAX_REFRESH_LIMIT) || t('clients.form.refreshLimitBad'),
              },
            })
          : null}
        <Controller
          control={control}
          name="access_token_format"
          render={({ field, fieldState }) => (
            <RadioChoices
              label={t('clients.form.formatLabel')}
              value={field.value}
              onChange={field.onChange}
              error={fieldState.error?.message}
              isDisabled={readOnly}
              choices={[
                { id: 'jwt', label: t('clients.form.formatJwt') },
                { id: 'opaque', label: t('clients.form.formatOpaque') },
              ]}
            />
          )}
        />
      </Section>

      {isNew ? (
        <Section id="scopes" title={t('clients.form.scopes')} help={t('clients.form.scopesHelp')}>
          {text('scope', t('clients.form.scopeLabel'), {
            description: t('clients.form.scopeHelp'),
            rules: fieldRules<ClientFormValues>(OP, 'scope', t('clients.form.scopeLabel')),
          })}
        </Section>
      ) : null}

      <Section id="links" title={t('clients.form.links')} help={t('clients.form.linksHelp')}>
        {text('client_uri', t('clients.form.clientUriLabel'), { rules: { validate: url } })}
        {text('logo_uri', t('clients.form.logoUriLabel'), { rules: { validate: url } })}
        {text('policy_uri', t('clients.form.policyUriLabel'), { rules: { validate: url } })}
        {text('tos_uri', t('clients.form.tosUriLabel'), { rules: { validate: url } })}
        {text('contacts', t('clients.form.contactsLabel'), {
          description: t('clients.form.contactsHelp'),
          multiline: true,
          rows: 2,
          rules: {
            validate: (v) => {
              const bad = splitLines(String(v)).findIndex((l) => !EMAIL.test(l));
              return bad < 0 || t('clients.form.lineNotEmail', { n: bad + 1 });
            },
          },
        })}
      </Section>

      <Section id="webhook" title={t('clients.form.webhook')} help={t('clients.form.webhookHelp')}>
        {text('webhook_url', t('clients.form.webhookUrlLabel'), { description: t('clients.form.webhookUrlHelp'), rules: { validate: url } })}
      </Section>
    </div>
  );
}
