import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError } from '../../api/client';
import { showApiError } from '../../ui/form';

/**
 * Puts an API error on its field, also inside an object the API names as a whole: a 400 on `config` or
 * `credentials` says which key in its message ("config.ext must not contain …"), so it lands on that key's field.
 * Answers false for an error the form must show itself.
 */
export function placeApiError<T extends FieldValues>(
  err: unknown,
  setError: UseFormSetError<T>,
  fields: readonly string[],
  rename: Record<string, string> = {},
): boolean {
  if (err instanceof ApiError && (err.field === 'config' || err.field === 'credentials')) {
    const key = new RegExp(`${err.field}\\.(\\w+)`).exec(err.message)?.[1];
    const name = key ? `${err.field}.${key}` : undefined;
    if (name && fields.includes(name)) {
      setError(name as Path<T>, { type: 'server', message: err.message }, { shouldFocus: true });
      return true;
    }
    return false;
  }
  return showApiError(err, setError, fields, rename);
}

export const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));
