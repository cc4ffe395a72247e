// A text field of a react-hook-form form: its rules are checked as the person types, and an error (theirs or the
// API's, put there by showApiError) shows on the field, which takes the focus when the API names it.
import { Controller, type Control, type FieldValues, type Path, type RegisterOptions } from 'react-hook-form';
import type { ReactNode } from 'react';
import { TextField } from '../../ui/Fields';

export function FormText<T extends FieldValues>({
  control,
  name,
  label,
  rules,
  description,
  type,
  multiline,
  autoComplete,
  isReadOnly,
}: {
  control: Control<T>;
  name: Path<T>;
  label: string;
  rules?: RegisterOptions<T, Path<T>>;
  description?: ReactNode;
  type?: 'text' | 'email' | 'password' | 'search';
  multiline?: boolean;
  autoComplete?: string;
  isReadOnly?: boolean;
}) {
  return (
    <Controller
      control={control}
      name={name}
      rules={rules}
      render={({ field, fieldState }) => (
        // The wrapper gives react-hook-form something to focus: the input inside.
        <div ref={(el) => field.ref(el ? { focus: () => el.querySelector<HTMLElement>('input, textarea')?.focus() } : null)}>
          <TextField
            label={label}
            name={field.name}
            value={(field.value as string | undefined) ?? ''}
            onChange={field.onChange}
            onBlur={field.onBlur}
            description={description}
            error={fieldState.error?.message}
            type={type}
            multiline={multiline}
            autoComplete={autoComplete}
            isReadOnly={isReadOnly}
          />
        </div>
      )}
    />
  );
}
