// The catalog entry's placeholders ({ext} of Exact Online's URLs, {subdomain} of Zendesk's) as fields: a choice
// where the catalog fixes the values, text with the catalog's pattern otherwise. A provider client's values are
// shared by its connections; a connection fills in what its provider client left open.
import type { Control, FieldValues, Path } from 'react-hook-form';
import { t } from '../../i18n';
import { FormSelect, FormText } from '../../ui/ControlledFields';
import type { Provider } from './vault-api';

/** The Select's "no value here" choice (a ListBox key cannot be empty). */
export const NOT_SET = '__not_set__';

export function ConfigFields<T extends FieldValues>({
  entry,
  control,
  optional,
  skip = {},
}: {
  entry: Provider;
  control: Control<T>;
  /** What leaving a value empty means here ("each connection sets it"); absent: a value is required. */
  optional?: string;
  /** Placeholders already set elsewhere (the provider client's values, for a connection): not asked again. */
  skip?: Record<string, string>;
}) {
  const specs = Object.entries(entry.config ?? {}).filter(([name]) => !skip[name]);
  if (specs.length === 0) return null;
  return (
    <>
      {specs.map(([name, spec]) => {
        const field = `config.${name}` as Path<T>;
        const label = t('connections.config.label', { name });
        if (spec.values)
          return (
            <FormSelect
              key={name}
              control={control}
              name={field}
              label={label}
              description={spec.description}
              rules={optional ? {} : { validate: (v: string) => (v && v !== NOT_SET) || t('common.required', { field: label }) }}
              options={[
                ...(optional ? [{ id: NOT_SET, label: optional }] : []),
                ...spec.values.map((v) => ({ id: v, label: spec.default === v ? t('connections.config.default', { value: v }) : v })),
              ]}
            />
          );
        return (
          <FormText
            key={name}
            control={control}
            name={field}
            label={label}
            description={optional ? `${spec.description} ${optional}.` : spec.description}
            rules={{
              ...(optional ? {} : { required: t('common.required', { field: label }) }),
              maxLength: { value: 2000, message: t('common.tooLong', { field: label, n: 2000 }) },
              ...(spec.pattern ? { pattern: { value: new RegExp(`^(?:${spec.pattern})$`, 'u'), message: t('common.badPattern', { field: label }) } } : {}),
            }}
          />
        );
      })}
    </>
  );
}

/** The values to send: what was typed or chosen, without empty ones. */
export function configToApi(values: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(values ?? {}).filter(([, v]) => v && v.trim() !== '' && v !== NOT_SET));
}
