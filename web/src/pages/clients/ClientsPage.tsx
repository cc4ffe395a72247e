// Clients of the space: search by name, filter by status and grant type (all three done by the server), one page of
// the server's paging at a time, so 10,000 clients cost what 50 do.
import { useEffect, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { api, call } from '../../api/client';
import { useSession } from '../../api/session';
import { formatDate, t } from '../../i18n';
import { Select, TextField } from '../../ui/Fields';
import { LoadError, Page } from '../../ui/Page';
import { DataTable, Pager, useCursorPages } from '../../ui/Table';
import '../../styles/clients.css';
import { GRANTS, grantName } from './grants';

type GrantId = (typeof GRANTS)[number]['id'];

export function ClientsPage() {
  const { space } = useParams({ from: '/spaces/$space' });
  const { can } = useSession();
  const navigate = useNavigate();
  const [typed, setTyped] = useState('');
  // The search goes to the server a moment after the typing stops, not on every key.
  const [name, setName] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setName(typed.trim()), 250);
    return () => clearTimeout(timer);
  }, [typed]);
  const [status, setStatus] = useState('all');
  const [grant, setGrant] = useState<'any' | GrantId>('any');
  const pages = useCursorPages();
  const query = useQuery({
    queryKey: ['clients', space, name, status, grant, pages.cursor],
    queryFn: () =>
      call(
        api.GET('/spaces/{space}/clients', {
          params: {
            path: { space },
            query: {
              limit: '50',
              ...(name ? { name } : {}),
              ...(status !== 'all' ? { active: status === 'active' ? 'true' : 'false' } : {}),
              ...(grant !== 'any' ? { grant_type: grant } : {}),
              ...(pages.cursor ? { cursor: pages.cursor } : {}),
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });

  return (
    <Page
      title={t('clients.title')}
      actions={
        can('clients:write', space) ? (
          <Link className="btn btn-primary" to="/spaces/$space/clients/$clientId" params={{ space, clientId: 'new' }}>
            {t('clients.add')}
          </Link>
        ) : null
      }
    >
      <div className="filters" role="search">
        <TextField
          label={t('clients.searchLabel')}
          type="search"
          value={typed}
          onChange={(v) => {
            setTyped(v);
            pages.reset();
          }}
        />
        <Select
          label={t('clients.status')}
          value={status}
          onChange={(v) => {
            setStatus(v);
            pages.reset();
          }}
          options={[
            { id: 'all', label: t('common.all') },
            { id: 'active', label: t('common.active') },
            { id: 'inactive', label: t('common.inactive') },
          ]}
        />
        <Select
          label={t('clients.grantType')}
          value={grant}
          onChange={(v) => {
            setGrant(v as GrantId);
            pages.reset();
          }}
          options={[{ id: 'any', label: t('clients.anyGrant') }, ...GRANTS.map((g) => ({ id: g.id, label: grantName(g.id) }))]}
        />
      </div>
      {query.error ? <LoadError error={query.error} retry={() => void query.refetch()} /> : null}
      <DataTable
        label={t('clients.listLabel')}
        rows={query.data?.items ?? []}
        rowKey={(c) => c.client_id}
        empty={query.isLoading ? t('common.loading') : t('clients.noneFound')}
        onRowAction={(clientId) => void navigate({ to: '/spaces/$space/clients/$clientId', params: { space, clientId } })}
        columns={[
          {
            id: 'name',
            name: t('clients.name'),
            render: (c) => (
              <Link to="/spaces/$space/clients/$clientId" params={{ space, clientId: c.client_id }}>
                {c.client_name || c.name}
              </Link>
            ),
          },
          { id: 'client_id', name: t('clients.clientId'), render: (c) => <code>{c.client_id}</code> },
          { id: 'type', name: t('clients.type'), render: (c) => (c.client_type === 'public' ? t('clients.public') : t('clients.confidential')) },
          { id: 'grants', name: t('clients.grants'), render: (c) => c.grant_types.map(grantName).join(', ') },
          { id: 'status', name: t('clients.status'), render: (c) => (c.active ? t('common.active') : t('common.inactive')) },
          { id: 'created', name: t('clients.created'), render: (c) => formatDate(c.created_at) },
        ]}
      />
      <Pager pages={pages} nextCursor={query.data?.next_cursor} />
    </Page>
  );
}
