// The provider catalog as a searchable picker: a search field narrows the list as one types ("exact", "micro"),
// the list shows each entry's mark, name and how it authenticates, and arrow keys, Space or a click pick one. A
// list in the form rather than a popover, so the catalog can be browsed, not only searched.
import { useId, useState, type CSSProperties } from 'react';
import { ListBox, ListBoxItem, type Selection } from 'react-aria-components';
import { t } from '../../i18n';
import { TextField } from '../../ui/Fields';
import { kindLabel, type Provider } from './vault-api';

/** The catalog has no logos: a monogram in a colour of its own stands in (decorative; the name is beside it). */
export function ProviderMark({ name }: { name: string }) {
  const initials = name
    .split(/[\s-]+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');
  let hue = 0;
  for (const ch of name) hue = (hue * 31 + ch.charCodeAt(0)) % 360;
  return (
    <span className="provider-mark" aria-hidden="true" style={{ '--mark-hue': String(hue) } as CSSProperties}>
      {initials}
    </span>
  );
}

const matches = (p: Provider, q: string) => {
  const needle = q.trim().toLowerCase();
  return !needle || p.name.toLowerCase().includes(needle) || p.id.includes(needle) || (p.description ?? '').toLowerCase().includes(needle);
};

export function ProviderPicker({ providers, value, onChange, error }: { providers: Provider[]; value: string; onChange(id: string): void; error?: string }) {
  const [q, setQ] = useState('');
  const labelId = useId();
  const errorId = useId();
  // The chosen provider stays in the list whatever the search, so the choice is always visible.
  const shown = providers.filter((p) => p.id === value || matches(p, q));
  return (
    <div className="field provider-picker">
      <span className="copy-label" id={labelId}>
        {t('connections.provider.label')}
      </span>
      <TextField
        label={t('connections.provider.search')}
        type="search"
        value={q}
        onChange={setQ}
        description={t('connections.provider.hint', { n: providers.length })}
      />
      <ListBox
        aria-labelledby={labelId}
        aria-describedby={error ? errorId : undefined}
        className="provider-list"
        items={shown}
        selectionMode="single"
        disallowEmptySelection
        selectedKeys={value ? [value] : []}
        onSelectionChange={(keys: Selection) => {
          const [first] = keys === 'all' ? [] : [...keys];
          if (first !== undefined) onChange(String(first));
        }}
        renderEmptyState={() => <p className="empty">{t('connections.provider.none')}</p>}
      >
        {(p: Provider) => (
          <ListBoxItem id={p.id} textValue={p.name} className="listbox-item provider-option">
            <ProviderMark name={p.name} />
            <span className="provider-option-text">
              <span className="provider-option-name">{p.name}</span>
              <span className="hint">{p.kinds.map(kindLabel).join(' · ')}</span>
            </span>
          </ListBoxItem>
        )}
      </ListBox>
      {error ? (
        <p className="field-error" id={errorId} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
