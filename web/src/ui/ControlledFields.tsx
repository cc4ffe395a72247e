// The console's fields bound to react-hook-form: rules checked as the person types (mode "onChange"), the error on
// the field, and setError(…, { shouldFocus: true }) moving focus into the field the API's answer named.
import type { ReactNode } from 'react';
import { Controller, type Control, type FieldValues, type Path, type RegisterOptions } from 'react-hook-form';
import { Select, TextField, type Option } from './Fields';
import '../styles/controlled-fields.css';

/** react-hook-form focuses a field through its ref; the wrapper hands it the field's own control. */
const focusRef = (attach: (el: { focus(): void } | null) => void) => (el: HTMLDivElement | null) =>
  attach(el ? { focus: () => el.querySelector<HTMLElement>('input, textarea, button')?.focus() } : null);

interface Bound<T extends FieldValues> {
  control: Control<T>;
  name: Path<T>;
  rules?: RegisterOptions<T, Path<T>>;
  label: string;
  description?: ReactNode;
}

export function FormText<T extends FieldValues>({
  control,
  name,
  rules,
  label,
  description,
  type,
  multiline,
  autoComplete,
  placeholder,
  isRequired,
  inputMode,
}: Bound<T> & {
  type?: 'text' | 'url' | 'password' | 'number' | 'search';
  multiline?: boolean;
  autoComplete?: string;
  placeholder?: string;
  isRequired?: boolean;
  inputMode?: 'numeric' | 'url' | 'text';
}) {
  return (
    <Controller
      control={control}
      name={name}
      rules={rules}
      render={({ field, fieldState }) => (
        <div className="field-slot" ref={focusRef(field.ref)}>
          <TextField
            label={label}
            description={description}
            error={fieldState.error?.message}
            value={(field.value as string | undefined) ?? ''}
            onChange={field.onChange}
            onBlur={field.onBlur}
            name={field.name}
            type={type}
            multiline={multiline}
            autoComplete={autoComplete}
            placeholder={placeholder}
            isRequired={isRequired}
            inputMode={inputMode}
          />
        </div>
      )}
    />
  );
}

export function FormSelect<T extends FieldValues>({
  control,
  name,
  rules,
  label,
  description,
  options,
  isDisabled,
}: Bound<T> & { options: Option[]; isDisabled?: boolean }) {
  return (
    <Controller
      control={control}
      name={name}
      rules={rules}
      render={({ field, fieldState }) => (
        <div className="field-slot" ref={focusRef(field.ref)}>
          <Select
            label={label}
            description={description}
            error={fieldState.error?.message}
            options={options}
            value={(field.value as string | undefined) ?? ''}
            onChange={field.onChange}
            isDisabled={isDisabled}
          />
        </div>
      )}
    />
  );
}
