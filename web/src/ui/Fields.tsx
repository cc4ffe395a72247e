// Labelled form fields. Each shows its description under it and its error (the rule that failed as you typed, or
// the API's own message for the field it named) in place of the description, announced to screen readers.
import type { ReactNode } from 'react';
import {
  Checkbox as AriaCheckbox,
  FieldError,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Select as AriaSelect,
  SelectValue,
  Text,
  TextArea,
  TextField as AriaTextField,
  Button as AriaButton,
  type TextFieldProps,
} from 'react-aria-components';

interface Common {
  label: string;
  description?: ReactNode;
  /** The error to show; a field is invalid while it has one. */
  error?: string | undefined;
}

export function TextField({
  label,
  description,
  error,
  multiline,
  placeholder,
  inputRef,
  rows = 3,
  ...props
}: Common &
  TextFieldProps & {
    multiline?: boolean;
    placeholder?: string;
    /** The input element, for a form library that focuses the field with an error. */
    inputRef?: (el: HTMLInputElement | HTMLTextAreaElement | null) => void;
    rows?: number;
  }) {
  return (
    <AriaTextField {...props} isInvalid={!!error} validationBehavior="aria" className="field">
      <Label>{label}</Label>
      {multiline ? <TextArea placeholder={placeholder} rows={rows} ref={inputRef} /> : <Input placeholder={placeholder} ref={inputRef} />}
      {description && !error ? <Text slot="description">{description}</Text> : null}
      <FieldError>{error}</FieldError>
    </AriaTextField>
  );
}

export function Checkbox({
  children,
  description,
  ...props
}: {
  children: ReactNode;
  description?: ReactNode;
  isSelected: boolean;
  onChange(v: boolean): void;
  isDisabled?: boolean;
}) {
  return (
    <div className="field field-check">
      <AriaCheckbox {...props}>
        <span className="check-box" aria-hidden="true">
          <svg viewBox="0 0 18 18">
            <polyline points="3 9 7 13 15 5" />
          </svg>
        </span>
        {children}
      </AriaCheckbox>
      {description ? <span className="hint">{description}</span> : null}
    </div>
  );
}

export interface Option {
  id: string;
  label: string;
}

export function Select({
  label,
  description,
  error,
  options,
  value,
  onChange,
  isDisabled,
}: Common & { options: Option[]; value: string; onChange(v: string): void; isDisabled?: boolean }) {
  return (
    <AriaSelect
      className="field"
      selectedKey={value}
      onSelectionChange={(k) => onChange(String(k))}
      isInvalid={!!error}
      isDisabled={isDisabled}
      validationBehavior="aria"
    >
      <Label>{label}</Label>
      <AriaButton className="select-button">
        <SelectValue />
        <span aria-hidden="true">▾</span>
      </AriaButton>
      {description && !error ? <Text slot="description">{description}</Text> : null}
      <FieldError>{error}</FieldError>
      <Popover className="popover">
        <ListBox className="listbox">
          {options.map((o) => (
            <ListBoxItem key={o.id} id={o.id} className="listbox-item">
              {o.label}
            </ListBoxItem>
          ))}
        </ListBox>
      </Popover>
    </AriaSelect>
  );
}
