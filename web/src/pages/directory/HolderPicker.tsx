// Whose tokens or consents to show: every client and user of the space, one client, or one user, picked by
// typing part of a name (the search runs on the server, so it stays fast with 10,000 clients or users).
import { useEffect, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { Button as AriaButton, ComboBox, Input, Label, ListBox, ListBoxItem, Popover, Text } from 'react-aria-components';
import { api, call } from '../../api/client';
import { t } from '../../i18n';
import { Select } from '../../ui/Fields';
import { useCursorPages } from '../../ui/Table';

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
    return page.items.map((c) => ({ kind, id: c.client_id, label: labelOfClient(c) }));
  }
  const page = await call(api.GET('/spaces/{space}/users', { params: { path: { space }, query: { limit: '20', ...(text ? { q: text } : {}) } } }));
  return page.items.map((u) => ({ kind, id: u.id, label: labelOfUser(u) }));
}

const labelOfClient = (c: { client_id: string; client_name?: string | null; name: string }) => `${c.client_name || c.name} (${c.client_id})`;
const labelOfUser = (u: { username: string; email: string | null }) => (u.email ? `${u.username} (${u.email})` : u.username);

/**
 * The holder picked, kept in the address (?client_id= or ?user_id=) so a page can link here ("the tokens of this
 * client") and the choice survives a reload. `ready` is false while the one named in the address is looked up.
 */
export function useHolderInAddress(space: string) {
  const search = useSearch({ strict: false }) as Record<string, unknown>;
  const navigate = useNavigate();
  const clientId = search.client_id === undefined ? undefined : String(search.client_id as string);
  const userId = search.user_id === undefined ? undefined : String(search.user_id as string);
  const [kind, setKind] = useState<HolderKind>(clientId ? 'client' : userId ? 'user' : 'all');
  const [holder, setHolder] = useState<Holder | null>(null);
  const named = useQuery({
    queryKey: ['holder', space, clientId, userId],
    enabled: !!(clientId ?? userId),
    retry: false,
    queryFn: async (): Promise<Holder> =>
      clientId
        ? {
            kind: 'client',
            id: clientId,
            label: labelOfClient(await call(api.GET('/spaces/{space}/clients/{client_id}', { params: { path: { space, client_id: clientId } } }))),
          }
        : (({ id, ...u }) => ({ kind: 'user' as const, id, label: labelOfUser(u) }))(
            await call(api.GET('/spaces/{space}/users/{user_id}', { params: { path: { space, user_id: userId! } } })),
          ),
  });
  // Adopt the one the address names once it is known.
  useEffect(() => {
    if (named.data) setHolder((h) => h ?? named.data);
  }, [named.data]);
  const pick = (h: Holder | null) => {
    setHolder(h);
    void navigate({ to: '.', search: holderQuery(h) as never, replace: true });
  };
  return { kind, setKind, holder, setHolder: pick, ready: !(clientId ?? userId) || !!holder || named.isError, lookupError: named.error };
}

/** The admin API's filter for a holder (the same names in the address and in the token and consent queries). */
export const holderQuery = (h: Holder | null): { client_id?: string; user_id?: string } =>
  h ? (h.kind === 'client' ? { client_id: h.id } : { user_id: h.id }) : {};

/**
 * A list filtered by the holder in the address (tokens, consents): the holder, the list's paging (back to the first
 * page on every new pick), whether the list must wait for a pick, its query filter, and the picker's props.
 */
export function useHolderFilter(space: string) {
  const { kind, setKind, holder, setHolder, ready, lookupError } = useHolderInAddress(space);
  const pages = useCursorPages();
  const picker = {
    space,
    kind,
    onKindChange: (k: HolderKind) => {
      setKind(k);
      pages.reset();
    },
    value: holder,
    onChange: (h: Holder | null) => {
      setHolder(h);
      pages.reset();
    },
  };
  return { holder, ready, lookupError, pages, picker, waiting: !ready || (kind !== 'all' && !holder), filter: holderQuery(holder) };
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
