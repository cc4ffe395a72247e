// The branding fields: the logo (an https address, or an uploaded image kept as a data: URL) and the accent colours
// for light and dark pages, each checked as you type with the server's rules: #rrggbb, and at least 4.5:1 contrast
// where the pages use it. A colour below is not accepted; the field says the ratio and offers the nearest that passes.
import { Controller, type Control, type UseFormSetValue } from 'react-hook-form';
import { FileTrigger } from 'react-aria-components';
import { t } from '../../i18n';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Fields';
import type { SettingsForm } from './settings-form';
import { accentContrast, HEX, LOGO_MAX_BYTES, LOGO_TYPES, MIN_CONTRAST, nearestPassing, PAGE_COLOURS } from './setting-rules';

const kib = (bytes: number) => Math.ceil(bytes / 1024);

/** Bytes of a base64 data: URL's content. */
const dataBytes = (url: string) => {
  const b64 = url.slice(url.indexOf(',') + 1);
  return Math.floor((b64.length * 3) / 4) - (b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0);
};

function checkLogo(v: string): true | string {
  const s = v.trim();
  if (!s) return true;
  if (s.startsWith('data:')) {
    const type = /^data:([a-z+/]+);base64,/.exec(s)?.[1];
    if (!type || !(LOGO_TYPES as readonly string[]).includes(type)) return t('settings.logoBadType');
    return dataBytes(s) > LOGO_MAX_BYTES ? t('settings.logoTooBig', { size: kib(dataBytes(s)) }) : true;
  }
  return /^https:\/\/[^\s]+$/i.test(s) ? true : t('settings.logoNotHttps');
}

function LogoField({ control, setValue, readOnly }: { control: Control<SettingsForm>; setValue: UseFormSetValue<SettingsForm>; readOnly: boolean }) {
  return (
    <Controller
      control={control}
      name="brand_logo_uri"
      rules={{ validate: checkLogo }}
      render={({ field, fieldState }) => {
        const uploaded = field.value.startsWith('data:');
        const pick = (files: FileList | null) => {
          const file = files?.[0];
          if (!file) return;
          const reader = new FileReader();
          reader.onload = () => setValue('brand_logo_uri', String(reader.result), { shouldDirty: true, shouldValidate: true });
          reader.readAsDataURL(file);
        };
        return (
          <div className="logo-field">
            <TextField
              label={t('settings.logo')}
              name={field.name}
              type="url"
              value={uploaded ? '' : field.value}
              placeholder="https://"
              onChange={field.onChange}
              onBlur={field.onBlur}
              isReadOnly={readOnly}
              error={fieldState.error?.message}
              description={uploaded ? t('settings.logoUploaded', { size: kib(dataBytes(field.value)) }) : t('settings.logoHelp')}
            />
            {readOnly ? null : (
              <div className="logo-actions">
                <FileTrigger acceptedFileTypes={[...LOGO_TYPES]} onSelect={pick}>
                  <Button variant="secondary">{t('settings.upload')}</Button>
                </FileTrigger>
                {field.value ? (
                  <Button variant="quiet" onPress={() => setValue('brand_logo_uri', '', { shouldDirty: true, shouldValidate: true })}>
                    {t('settings.removeLogo')}
                  </Button>
                ) : null}
              </div>
            )}
          </div>
        );
      }}
    />
  );
}

function AccentField({
  control,
  setValue,
  name,
  scheme,
  readOnly,
}: {
  control: Control<SettingsForm>;
  setValue: UseFormSetValue<SettingsForm>;
  name: 'brand_accent_light' | 'brand_accent_dark';
  scheme: 'light' | 'dark';
  readOnly: boolean;
}) {
  const label = scheme === 'light' ? t('settings.accentLight') : t('settings.accentDark');
  const fallback = scheme === 'light' ? PAGE_COLOURS.lightAccent : PAGE_COLOURS.darkAccent;
  const validate = (v: string): true | string => {
    const hex = v.trim().toLowerCase();
    if (!hex) return true;
    if (!HEX.test(hex)) return t('settings.badHex');
    const ratio = accentContrast(hex, scheme);
    if (ratio >= MIN_CONTRAST) return true;
    const values = { ratio: ratio.toFixed(2), suggestion: nearestPassing(hex, scheme) };
    return scheme === 'light' ? t('settings.lowContrastLight', values) : t('settings.lowContrastDark', values);
  };
  return (
    <Controller
      control={control}
      name={name}
      rules={{ validate }}
      render={({ field, fieldState }) => {
        const hex = field.value.trim().toLowerCase();
        const valid = HEX.test(hex);
        const set = (v: string) => setValue(name, v, { shouldDirty: true, shouldValidate: true });
        const suggestion = valid && fieldState.error ? nearestPassing(hex, scheme) : null;
        return (
          <div className="accent-field">
            <div className="accent-inputs">
              <TextField
                label={label}
                name={field.name}
                value={field.value}
                placeholder={fallback}
                onChange={field.onChange}
                onBlur={field.onBlur}
                isReadOnly={readOnly}
                error={fieldState.error?.message}
                description={
                  valid && !fieldState.error
                    ? t('settings.contrastOk', { ratio: accentContrast(hex, scheme).toFixed(2) })
                    : t('settings.accentHelp', { colour: fallback })
                }
              />
              <input
                type="color"
                className="colour-swatch"
                aria-label={t('settings.pickColour', { field: label })}
                value={valid ? hex : fallback}
                disabled={readOnly}
                onChange={(e) => set(e.target.value)}
              />
            </div>
            {suggestion && !readOnly ? (
              <Button variant="secondary" onPress={() => set(suggestion)}>
                {t('settings.useSuggestion', { colour: suggestion })}
              </Button>
            ) : null}
          </div>
        );
      }}
    />
  );
}

export function BrandingFields(p: { control: Control<SettingsForm>; setValue: UseFormSetValue<SettingsForm>; readOnly: boolean }) {
  return (
    <div className="branding-fields">
      <LogoField {...p} />
      <AccentField {...p} name="brand_accent_light" scheme="light" />
      <AccentField {...p} name="brand_accent_dark" scheme="dark" />
    </div>
  );
}
