// Form rules from the API's own document (api/rules.json, generated with the types): a form refuses as you type
// exactly what the admin API's schema would refuse, and after a submit the API's deeper checks (a redirect URI's
// form, a duplicate name) land on the field the 400 or 409 names.
import type { FieldValues, Path, RegisterOptions, UseFormSetError } from 'react-hook-form';
import rules from '../api/rules.json';
import { ApiError } from '../api/client';
import { t } from '../i18n';

type Rule = { type?: string; minLength?: number; maxLength?: number; pattern?: string; minimum?: number; maximum?: number; required?: boolean };
const table = rules as Record<string, Record<string, Rule>>;

/** react-hook-form rules for a text or number field of an operation's request body, with messages in the catalogue. */
export function fieldRules<T extends FieldValues>(
  operationId: string,
  field: string,
  label: string,
  extra: { required?: boolean } = {},
): RegisterOptions<T, Path<T>> {
  const r = table[operationId]?.[field];
  if (!r) throw new Error(`no rule for ${operationId}.${field}: regenerate with npm run console:api`);
  const out: RegisterOptions<T, Path<T>> = {};
  if (r.required || extra.required) out.required = t('common.required', { field: label });
  if (r.minLength !== undefined && r.minLength > 1) out.minLength = { value: r.minLength, message: t('common.tooShort', { field: label, n: r.minLength }) };
  if (r.maxLength !== undefined) out.maxLength = { value: r.maxLength, message: t('common.tooLong', { field: label, n: r.maxLength }) };
  if (r.pattern !== undefined) out.pattern = { value: new RegExp(r.pattern, 'u'), message: t('common.badPattern', { field: label }) };
  if (r.minimum !== undefined) out.min = { value: r.minimum, message: t('common.tooSmall', { field: label, n: r.minimum }) };
  if (r.maximum !== undefined) out.max = { value: r.maximum, message: t('common.tooLarge', { field: label, n: r.maximum }) };
  return out;
}

/** The bounds of a field, for hints ("at most 500 characters"). */
export const ruleOf = (operationId: string, field: string): Rule | undefined => table[operationId]?.[field];

/**
 * Puts an API error on the field it names (answering true), mapping the API's field name to the form's when they
 * differ; an error without a field is the caller's to show (false).
 */
export function showApiError<T extends FieldValues>(
  err: unknown,
  setError: UseFormSetError<T>,
  fields: readonly string[],
  rename: Record<string, string> = {},
): boolean {
  if (!(err instanceof ApiError) || !err.field) return false;
  const name = rename[err.field] ?? err.field.split(/[.[]/)[0] ?? err.field;
  if (!fields.includes(name)) return false;
  setError(name as Path<T>, { type: 'server', message: err.message }, { shouldFocus: true });
  return true;
}
