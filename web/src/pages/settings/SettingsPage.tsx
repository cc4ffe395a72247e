// The space's settings (PATCH /spaces/{space}): its name, default lifetimes, sign-in protection, keys, registration
// and branding, grouped and explained, checked as you type with the server's rules (setting-rules.ts), with the
// API's own 400 put on the field it names. Read-only without space:write. Branding shows a live preview.
import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { Controller, useForm, type Control } from 'react-hook-form';
import { api, call, type ApiError } from '../../api/client';
import { useSession } from '../../api/session';
import { formatDuration, t, type MessageKey } from '../../i18n';
import { Button } from '../../ui/Button';
import { Checkbox, Select, TextField } from '../../ui/Fields';
import { LoadError, Notice, Page } from '../../ui/Page';
import { showApiError } from '../../ui/form';
import { BrandingFields } from './BrandingFields';
import { BrandPreview } from './BrandPreview';
import { formOf, patchOf, previewLook, type SettingsForm, type SpaceView } from './settings-form';
import { INT_LIMITS, REGISTRATION_MODES, SIGNING_ALGS, TTL_LIMITS, type IntSetting } from './setting-rules';
import '../../styles/settings.css';

const WHOLE = /^\d+$/;

/** A whole number of seconds (or days, or a count) within [min, max], with its value in words under it. */
function NumberSetting({
  control,
  name,
  label,
  help,
  limits,
  unit = 'seconds',
  disabled,
}: {
  control: Control<SettingsForm>;
  name: IntSetting | 'access_token_ttl' | 'refresh_token_ttl';
  label: string;
  help?: string;
  limits: readonly [number, number];
  unit?: 'seconds' | 'count';
  disabled: boolean;
}) {
  return (
    <Controller
      control={control}
      name={name}
      rules={{
        validate: (v: string) => {
          if (!v.trim()) return t('common.required', { field: label });
          if (!WHOLE.test(v.trim())) return t('settings.wholeNumber', { field: label });
          const n = Number(v);
          if (n < limits[0]) return t('common.tooSmall', { field: label, n: limits[0] });
          if (n > limits[1]) return t('common.tooLarge', { field: label, n: limits[1] });
          return true;
        },
      }}
      render={({ field, fieldState }) => {
        const n = Number(field.value);
        const words = unit === 'seconds' && WHOLE.test(field.value) && n > 0 ? ` ${t('settings.asDuration', { duration: formatDuration(n) })}` : '';
        return (
          <TextField
            label={label}
            name={field.name}
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            inputMode="numeric"
            isReadOnly={disabled}
            error={fieldState.error?.message}
            description={`${help ? `${help} ` : ''}${limits[0]}–${limits[1]}${unit === 'seconds' ? ` ${t('settings.seconds')}` : ''}${words}`}
          />
        );
      }}
    />
  );
}

function Group({ title, help, children }: { title: MessageKey; help: MessageKey; children: React.ReactNode }) {
  return (
    <fieldset className="settings-group">
      <legend>{t(title)}</legend>
      <p className="hint">{t(help)}</p>
      {children}
    </fieldset>
  );
}

export function SettingsPage() {
  const { space } = useParams({ from: '/spaces/$space' });
  const query = useQuery({ queryKey: ['space', space], queryFn: () => call(api.GET('/spaces/{space}', { params: { path: { space } } })) });
  return (
    <Page title={t('settings.title')}>
      {query.error ? (
        <LoadError error={query.error} retry={() => void query.refetch()} />
      ) : query.data ? (
        <SettingsEditor space={space} view={query.data as SpaceView} />
      ) : (
        <p>{t('common.loading')}</p>
      )}
    </Page>
  );
}

/** The form over the space as loaded; after a save it starts again from what the server answered. */
function SettingsEditor({ space, view }: { space: string; view: SpaceView }) {
  const { can } = useSession();
  const writable = can('space:write', space);
  const queryClient = useQueryClient();
  const form = useForm<SettingsForm>({ mode: 'onChange', defaultValues: formOf(view) });
  const { control, handleSubmit, reset, setError, watch, formState } = form;
  const [outcome, setOutcome] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const values = watch();
  const ro = !writable;

  const save = handleSubmit(async (v) => {
    setOutcome(null);
    try {
      const saved = await call(api.PATCH('/spaces/{space}', { params: { path: { space } }, body: patchOf(view, v) }));
      queryClient.setQueryData(['space', space], saved);
      // The space switcher shows the display name.
      void queryClient.invalidateQueries({ queryKey: ['spaces'] });
      reset(formOf(saved as SpaceView));
      setOutcome({ kind: 'success', text: t('settings.saved') });
    } catch (err) {
      const fields = Object.keys(formOf(view));
      const rename = Object.fromEntries(fields.map((f) => [`settings.${f}`, f]));
      if (!showApiError(err, setError, fields, rename)) setOutcome({ kind: 'error', text: t('settings.saveFailed', { message: (err as ApiError).message }) });
    }
  });

  const num = (name: IntSetting, label: MessageKey, help?: MessageKey, unit: 'seconds' | 'count' = 'seconds') => (
    <NumberSetting control={control} name={name} label={t(label)} help={help ? t(help) : undefined} limits={INT_LIMITS[name]} unit={unit} disabled={ro} />
  );
  const check = (name: 'require_pkce' | 'allow_plain_pkce' | 'require_par', label: MessageKey, help: MessageKey) => (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <Checkbox isSelected={field.value} onChange={field.onChange} isDisabled={ro} description={t(help)}>
          {t(label)}
        </Checkbox>
      )}
    />
  );

  return (
    <>
      {ro ? <Notice>{t('settings.readOnly')}</Notice> : null}
      <form className="settings-form" onSubmit={(e) => void save(e)} noValidate aria-label={t('settings.title')}>
        <Group title="settings.general" help="settings.generalHelp">
          <Controller
            control={control}
            name="display_name"
            rules={{
              validate: (v: string) =>
                !v.trim()
                  ? t('common.required', { field: t('settings.displayName') })
                  : v.trim().length > 200
                    ? t('common.tooLong', { field: t('settings.displayName'), n: 200 })
                    : true,
            }}
            render={({ field, fieldState }) => (
              <TextField
                label={t('settings.displayName')}
                name={field.name}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                isReadOnly={ro}
                error={fieldState.error?.message}
                description={t('settings.displayNameHelp')}
              />
            )}
          />
        </Group>

        <Group title="settings.branding" help="settings.brandingHelp">
          <div className="branding-layout">
            <BrandingFields control={control} setValue={form.setValue} readOnly={ro} />
            <BrandPreview look={previewLook(values)} />
          </div>
        </Group>

        <Group title="settings.lifetimes" help="settings.lifetimesHelp">
          <div className="settings-grid">
            <NumberSetting control={control} name="access_token_ttl" label={t('settings.accessTtl')} limits={TTL_LIMITS} disabled={ro} />
            <NumberSetting control={control} name="refresh_token_ttl" label={t('settings.refreshTtl')} limits={TTL_LIMITS} disabled={ro} />
            {num('id_token_ttl', 'settings.idTokenTtl')}
            {num('authorization_code_ttl', 'settings.codeTtl', 'settings.codeTtlHelp')}
            {num('session_ttl', 'settings.sessionTtl', 'settings.sessionTtlHelp')}
            {num('device_code_ttl', 'settings.deviceTtl')}
            {num('refresh_reuse_grace_seconds', 'settings.reuseGrace', 'settings.reuseGraceHelp')}
          </div>
        </Group>

        <Group title="settings.security" help="settings.securityHelp">
          {check('require_pkce', 'settings.requirePkce', 'settings.requirePkceHelp')}
          {check('allow_plain_pkce', 'settings.allowPlain', 'settings.allowPlainHelp')}
          {check('require_par', 'settings.requirePar', 'settings.requireParHelp')}
          <div className="settings-grid">
            {num('login_failure_limit', 'settings.failureLimit', 'settings.failureLimitHelp', 'count')}
            {num('login_lockout_seconds', 'settings.lockout')}
          </div>
        </Group>

        <Group title="settings.keys" help="settings.keysHelp">
          <div className="settings-grid">
            <Controller
              control={control}
              name="signing_alg"
              render={({ field }) => (
                <Select
                  label={t('settings.signingAlg')}
                  value={field.value}
                  onChange={field.onChange}
                  isDisabled={ro}
                  options={SIGNING_ALGS.map((a) => ({ id: a, label: a }))}
                />
              )}
            />
            {num('key_rotation_days', 'settings.rotationDays', 'settings.rotationDaysHelp', 'count')}
            {num('key_publish_seconds', 'settings.publishSeconds')}
          </div>
        </Group>

        <Group title="settings.registrationGroup" help="settings.registrationHelp">
          <Controller
            control={control}
            name="registration"
            render={({ field }) => (
              <Select
                label={t('settings.registration')}
                value={field.value}
                onChange={field.onChange}
                isDisabled={ro}
                options={REGISTRATION_MODES.map((m) => ({ id: m, label: t(`settings.reg${m[0]!.toUpperCase()}${m.slice(1)}` as MessageKey) }))}
              />
            )}
          />
        </Group>

        {outcome ? <Notice kind={outcome.kind}>{outcome.text}</Notice> : null}
        {writable ? (
          <div className="settings-actions">
            {formState.isDirty ? <span className="hint">{t('settings.unsaved')}</span> : null}
            <Button variant="secondary" isDisabled={!formState.isDirty || formState.isSubmitting} onPress={() => reset(formOf(view))}>
              {t('settings.reset')}
            </Button>
            <Button variant="primary" type="submit" isDisabled={formState.isSubmitting}>
              {t('common.save')}
            </Button>
          </div>
        ) : null}
      </form>
    </>
  );
}
