// A labelled group of radio buttons (React Aria: one tab stop, arrow keys move the choice), each choice with an
// optional explanation under it, and the group's error announced in place of its description.
import type { ReactNode } from 'react';
import { FieldError, Label, Radio, RadioGroup, Text } from 'react-aria-components';
import '../styles/radio-choices.css';

export interface Choice {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
}

export function RadioChoices({
  label,
  description,
  error,
  choices,
  value,
  onChange,
  isDisabled,
  orientation = 'vertical',
}: {
  label: string;
  description?: ReactNode;
  error?: string | undefined;
  choices: Choice[];
  value: string;
  onChange(v: string): void;
  isDisabled?: boolean;
  orientation?: 'vertical' | 'horizontal';
}) {
  return (
    <RadioGroup
      className={`field radio-choices radio-${orientation}`}
      value={value}
      onChange={onChange}
      isInvalid={!!error}
      isDisabled={isDisabled}
      validationBehavior="aria"
      orientation={orientation}
    >
      <Label>{label}</Label>
      <div className="radio-list">
        {choices.map((c) => (
          <Radio key={c.id} value={c.id} className="radio">
            <span className="radio-dot" aria-hidden="true" />
            <span className="radio-text">
              {c.label}
              {c.hint ? <span className="hint">{c.hint}</span> : null}
            </span>
          </Radio>
        ))}
      </div>
      {description && !error ? <Text slot="description">{description}</Text> : null}
      <FieldError>{error}</FieldError>
    </RadioGroup>
  );
}
