// The event types a subscription receives: every type (also those added later, "*"), or the chosen ones, grouped
// by what they are about (client, connection, webhook, …) and narrowed by a filter when the list is long.
import { useState } from 'react';
import { Checkbox as AriaCheckbox, CheckboxGroup, Label } from 'react-aria-components';
import { t } from '../../i18n';
import { Checkbox, TextField } from '../../ui/Fields';

function CheckMark() {
  return (
    <span className="check-box" aria-hidden="true">
      <svg viewBox="0 0 18 18">
        <polyline points="3 9 7 13 15 5" />
      </svg>
    </span>
  );
}

export function EventTypePicker({
  types,
  all,
  onAllChange,
  selected,
  onSelectedChange,
  error,
}: {
  types: string[];
  all: boolean;
  onAllChange(v: boolean): void;
  selected: string[];
  onSelectedChange(v: string[]): void;
  error?: string;
}) {
  const [filter, setFilter] = useState('');
  const groups = new Map<string, string[]>();
  for (const type of types) {
    if (filter && !type.toLowerCase().includes(filter.trim().toLowerCase())) continue;
    const resource = type.split('.')[0] ?? type;
    groups.set(resource, [...(groups.get(resource) ?? []), type]);
  }
  return (
    <fieldset className="event-picker" aria-describedby={error ? 'event-picker-error' : undefined}>
      <legend>{t('webhooks.form.events')}</legend>
      <Checkbox isSelected={all} onChange={onAllChange} description={t('webhooks.form.allHint')}>
        {t('webhooks.form.all')}
      </Checkbox>
      {all ? null : (
        <>
          <TextField
            label={t('webhooks.form.filter')}
            type="search"
            value={filter}
            onChange={setFilter}
            description={t('webhooks.form.chosen', { n: selected.length })}
          />
          <div className="event-groups">
            {[...groups].map(([resource, list]) => (
              <CheckboxGroup
                key={resource}
                className="event-group"
                value={selected.filter((s) => list.includes(s))}
                onChange={(chosen) => {
                  // Kept in the catalogue's order, whatever the order of the clicks.
                  const next = new Set([...selected.filter((s) => !list.includes(s)), ...chosen]);
                  onSelectedChange(types.filter((type) => next.has(type)));
                }}
              >
                <Label className="event-group-label">{resource}</Label>
                {list.map((type) => (
                  <AriaCheckbox key={type} value={type} className="event-check">
                    <CheckMark />
                    <code>{type}</code>
                  </AriaCheckbox>
                ))}
              </CheckboxGroup>
            ))}
            {groups.size === 0 ? <p className="empty">{t('webhooks.form.noTypeMatches')}</p> : null}
          </div>
        </>
      )}
      {error ? (
        <p id="event-picker-error" className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
