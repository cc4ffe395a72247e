// The client's scopes (seed 004's "Associate Scopes with <client>"): the associated ones with a disassociate button
// each, a searchable picker of the space's other scopes, and a new scope created and associated in one call (all or
// nothing: a bad name associates nothing).
import { useState } from 'react';
import { Controller, useForm, type RegisterOptions } from 'react-hook-form';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, call } from '../../api/client';
import { t } from '../../i18n';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Checkbox, TextField } from '../../ui/Fields';
import { fieldRules, showApiError } from '../../ui/form';
import { Notice } from '../../ui/Page';
import { DataTable } from '../../ui/Table';
import { useClientScopes } from './queries';

interface NewScope {
  name: string;
  description: string;
  default: boolean;
}

const errorText = (err: unknown) => (err instanceof ApiError ? err.message : String(err));

export function ClientScopes({ space, clientId, canWrite, onChanged }: { space: string; clientId: string; canWrite: boolean; onChanged(): void }) {
  const scopes = useClientScopes(space, clientId);
  const queries = useQueryClient();
  const [open, setOpen] = useState<null | 'pick' | 'new'>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const path = { space, client_id: clientId };
  const associated = new Set((scopes.data ?? []).map((s) => s.name));

  const candidates = useQuery({
    queryKey: ['scopes', space, 'picker', search],
    enabled: open === 'pick',
    placeholderData: keepPreviousData,
    queryFn: async () =>
      (await call(api.GET('/spaces/{space}/scopes', { params: { path: { space }, query: { limit: '100', ...(search ? { name: search } : {}) } } }))).items,
  });
  const offered = (candidates.data ?? []).filter((s) => !associated.has(s.name));

  const newScope = useForm<NewScope>({ defaultValues: { name: '', description: '', default: false }, mode: 'onChange' });

  const refresh = (items: { name: string }[] | undefined, message: string) => {
    if (items) queries.setQueryData(['client-scopes', space, clientId], items);
    else void scopes.refetch();
    void queries.invalidateQueries({ queryKey: ['scopes', space] });
    setStatus(message);
    onChanged();
  };
  const close = () => {
    setOpen(null);
    setError(null);
    setPicked([]);
    setSearch('');
    newScope.reset();
  };

  async function associate() {
    setBusy(true);
    setError(null);
    try {
      const r = await call(api.POST('/spaces/{space}/clients/{client_id}/scopes', { params: { path }, body: { scopes: picked } }));
      refresh(r.items, t('clients.scopes.associated', { names: picked.join(', ') }));
      close();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  const createAndAssociate = newScope.handleSubmit(async (v) => {
    setError(null);
    try {
      const r = await call(
        api.POST('/spaces/{space}/clients/{client_id}/scopes', {
          params: { path },
          body: { create: [{ name: v.name.trim(), description: v.description, default: v.default }] },
        }),
      );
      refresh(r.items, t('clients.scopes.associated', { names: v.name.trim() }));
      close();
    } catch (err) {
      if (!showApiError(err, newScope.setError, ['name', 'description'])) setError(errorText(err));
    }
  });

  async function disassociate(name: string) {
    setError(null);
    try {
      await call(api.DELETE('/spaces/{space}/clients/{client_id}/scopes/{name}', { params: { path: { ...path, name } } }));
      refresh(
        (scopes.data ?? []).filter((s) => s.name !== name),
        t('clients.scopes.disassociated', { name }),
      );
    } catch (err) {
      setStatus(errorText(err));
    }
  }

  return (
    <section className="card" aria-labelledby="client-scopes-title">
      <h2 id="client-scopes-title">{t('clients.scopes.title')}</h2>
      <p className="hint">{t('clients.scopes.intro')}</p>
      {status ? <Notice kind="success">{status}</Notice> : null}
      <DataTable
        label={t('clients.scopes.listLabel')}
        rows={scopes.data ?? []}
        rowKey={(s) => s.name}
        empty={scopes.isLoading ? t('common.loading') : t('clients.scopes.none')}
        columns={[
          { id: 'name', name: t('clients.scopes.scopeName'), render: (s) => <code>{s.name}</code> },
          { id: 'description', name: t('clients.scopes.description'), render: (s) => s.description || '—' },
          { id: 'default', name: t('clients.scopes.isDefault'), render: (s) => (s.default ? t('common.yes') : t('common.no')) },
          ...(canWrite
            ? [
                {
                  id: 'actions',
                  name: t('common.actions'),
                  render: (s: { name: string }) => (
                    <Button variant="quiet" aria-label={t('clients.scopes.disassociateLabel', { name: s.name })} onPress={() => void disassociate(s.name)}>
                      {t('clients.scopes.disassociate')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {canWrite ? (
        <div className="row-actions">
          <Button onPress={() => setOpen('pick')}>{t('clients.scopes.associate')}</Button>
          <Button onPress={() => setOpen('new')}>{t('clients.scopes.createNew')}</Button>
        </div>
      ) : null}

      <Dialog title={t('clients.scopes.pickerTitle')} isOpen={open === 'pick'} onClose={close}>
        <TextField label={t('clients.scopes.search')} type="search" value={search} onChange={setSearch} autoFocus />
        <div role="group" aria-label={t('clients.scopes.pickerLabel')} className="scope-picker">
          {offered.length === 0 && !candidates.isLoading ? <p className="hint">{t('clients.scopes.pickerNone')}</p> : null}
          {offered.map((s) => (
            <Checkbox
              key={s.name}
              isSelected={picked.includes(s.name)}
              onChange={(on) => setPicked((p) => (on ? [...p, s.name] : p.filter((x) => x !== s.name)))}
              description={s.description || undefined}
            >
              {s.name}
            </Checkbox>
          ))}
        </div>
        {error ? <Notice kind="error">{error}</Notice> : null}
        <div className="dialog-actions">
          <Button onPress={close}>{t('common.cancel')}</Button>
          <Button variant="primary" isDisabled={busy || picked.length === 0} onPress={() => void associate()}>
            {t('clients.scopes.associateSelected', { n: picked.length })}
          </Button>
        </div>
      </Dialog>

      <Dialog title={t('clients.scopes.newTitle')} isOpen={open === 'new'} onClose={close}>
        <form onSubmit={(e) => void createAndAssociate(e)} noValidate>
          <Controller
            control={newScope.control}
            name="name"
            rules={fieldRules<NewScope>('createScope', 'name', t('clients.scopes.newName'), { required: true }) as RegisterOptions<NewScope, 'name'>}
            render={({ field, fieldState }) => (
              <TextField
                label={t('clients.scopes.newName')}
                description={t('clients.scopes.newNameHelp')}
                error={fieldState.error?.message}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                inputRef={field.ref}
                autoFocus
              />
            )}
          />
          <Controller
            control={newScope.control}
            name="description"
            rules={fieldRules<NewScope>('createScope', 'description', t('clients.scopes.newDescription')) as RegisterOptions<NewScope, 'description'>}
            render={({ field, fieldState }) => (
              <TextField
                label={t('clients.scopes.newDescription')}
                description={t('clients.scopes.newDescriptionHelp')}
                error={fieldState.error?.message}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                inputRef={field.ref}
              />
            )}
          />
          <Controller
            control={newScope.control}
            name="default"
            render={({ field }) => (
              <Checkbox isSelected={field.value} onChange={field.onChange}>
                {t('clients.scopes.newDefault')}
              </Checkbox>
            )}
          />
          {error ? <Notice kind="error">{error}</Notice> : null}
          <div className="dialog-actions">
            <Button onPress={close}>{t('common.cancel')}</Button>
            <Button type="submit" variant="primary" isDisabled={newScope.formState.isSubmitting}>
              {t('clients.scopes.createAndAssociate')}
            </Button>
          </div>
        </form>
      </Dialog>
    </section>
  );
}
