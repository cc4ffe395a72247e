// Whose tokens or consents to show: every client and user of the space, one client, or one user, picked by
// typing part of a name (the search runs on the server, so it stays fast with 10,000 clients or users).
import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button as AriaButton, ComboBox, Input, Label, ListBox, ListBoxItem, Popover, Text } from 'react-aria-components';
import { api, call } from '../../api/client';
import { t } from '../../i18n';
import { Select } from '../../ui/Fields';

export type HolderKind = 'all' | 'client' | 'user';
export interface Holder {
  kind: 'client' | 'user';
  /** client_id, or the user's id. */
  id: string;
  label: string;
}

async function search(space: string, kind: 'client' | 'user', text: string): Promise<Holder[]> {
  if (kind === 'client') {
    const page = await call(api.GET('/spaces/{space}/clients', { params: { path: { space }, query: { limit: '20', ...(text ? { name: text } : {}) } } }));
    return page.items.map((c) => ({ kind, id: c.client_id, label: `${c.client_name || c.name} (${c.client_id})` }));
  }
  const page = await call(api.GET('/spaces/{space}/users', { params: { path: { space }, query: { limit: '20', ...(text ? { q: text } : {}) } } }));
  return page.items.map((u) => ({ kind, id: u.id, label: u.email ? `${u.username} (${u.email})` : u.username }));
}

/** The "show … of" choice and, for one client or user, a searchable picker. `value` is null until one is picked. */
export function HolderPicker({
  space,
  kind,
  onKindChange,
  value,
  onChange,
}: {
  space: string;
  kind: HolderKind;
  onKindChange(kind: HolderKind): void;
  value: Holder | null;
  onChange(holder: Holder | null): void;
}) {
  return (
    <>
      <Select
        label={t('directory.holderKind')}
        value={kind}
        onChange={(k) => {
          onKindChange(k as HolderKind);
          onChange(null);
        }}
        options={[
          { id: 'all', label: t('directory.everyone') },
          { id: 'client', label: t('directory.oneClient') },
          { id: 'user', label: t('directory.oneUser') },
        ]}
      />
      {kind !== 'all' ? <Search key={kind} space={space} kind={kind} value={value} onChange={onChange} /> : null}
    </>
  );
}

function Search({ space, kind, value, onChange }: { space: string; kind: 'client' | 'user'; value: Holder | null; onChange(h: Holder | null): void }) {
  const [text, setText] = useState(value?.label ?? '');
  // Once one is picked the box shows its label; searching for that label would find nothing, so search all.
  const term = value && text === value.label ? '' : text;
  const found = useQuery({ queryKey: ['holders', space, kind, term], queryFn: () => search(space, kind, term), placeholderData: keepPreviousData });
  const items = found.data ?? [];
  const label = kind === 'client' ? t('directory.pickClient') : t('directory.pickUser');
  return (
    <ComboBox
      className="field holder-picker"
      items={items}
      inputValue={text}
      onInputChange={(v) => {
        setText(v);
        if (value && v !== value.label) onChange(null);
      }}
      selectedKey={value?.id ?? null}
      onSelectionChange={(key) => {
        const picked = items.find((h) => h.id === key);
        if (!picked) return;
        setText(picked.label);
        onChange(picked);
      }}
      menuTrigger="focus"
      allowsEmptyCollection
    >
      <Label>{label}</Label>
      <div className="combo">
        <Input placeholder={t('directory.typeToSearch')} />
        <AriaButton className="combo-button" aria-label={t('directory.showChoices', { what: label })}>
          <span aria-hidden="true">▾</span>
        </AriaButton>
      </div>
      <Text slot="description">{value ? t('directory.picked') : t('directory.pickHint')}</Text>
      <Popover className="popover">
        <ListBox<Holder>
          className="listbox"
          renderEmptyState={() => <p className="empty">{found.isFetching ? t('common.loading') : t('directory.noMatch')}</p>}
        >
          {(h) => (
            <ListBoxItem id={h.id} textValue={h.label} className="listbox-item">
              {h.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
