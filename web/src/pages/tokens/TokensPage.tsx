// Token management (seed 004): the live grants and stored access tokens of the space, of one client or of one
// user, with grant, scopes, issued, expiry (or "Lifetime") and refreshes used of the limit (or "Unlimited");
// revoke one, or all of the client's or user's. Only metadata: the API never gives token values.
import { useState } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { api, call } from '../../api/client';
import { useSession } from '../../api/session';
import type { paths } from '../../api/schema';
import { formatDate, formatRelative, t } from '../../i18n';
import { Button } from '../../ui/Button';
import { LoadError, Notice, Page } from '../../ui/Page';
import { DataTable, Pager } from '../../ui/Table';
import { ConfirmDialog } from '../directory/ConfirmDialog';
import { HolderPicker, useHolderFilter } from '../directory/HolderPicker';
import { countOf, grantLabel, ScopeList } from '../directory/labels';
import { RevokeAllDialog } from './RevokeAllDialog';
import '../../styles/directory.css';

type Entry = paths['/spaces/{space}/tokens']['get']['responses']['200']['content']['application/json']['items'][number];

/** When it expires; a token the server no longer accepts before that (client deactivated, user disabled, revoke-all) says so. */
export function Expiry({ at, active }: { at: string; active: boolean }) {
  const expired = at !== 'never' && Date.parse(at) <= Date.now();
  const state = active ? null : expired ? t('tokens.expired') : t('tokens.invalid');
  if (at === 'never') return state ? <>{state}</> : <>{t('tokens.lifetime')}</>;
  return (
    <span className="when">
      <span>{state ?? formatRelative(at)}</span>
      <small>{formatDate(at)}</small>
    </span>
  );
}

function Refreshes({ e }: { e: Entry }) {
  if (e.kind !== 'grant' || e.refresh_count === null) return <span className="muted">{t('tokens.noRefresh')}</span>;
  const limit = e.refresh_limit === 'unlimited' || e.refresh_limit === null ? t('common.unlimited') : String(e.refresh_limit);
  return <>{t('tokens.refreshOf', { used: e.refresh_count, limit })}</>;
}

export function TokensPage() {
  const { space } = useParams({ from: '/spaces/$space' });
  const { can } = useSession();
  const mayRevoke = can('space:write', space);
  const queryClient = useQueryClient();
  const { holder, ready, lookupError, pages, picker, waiting, filter } = useHolderFilter(space);
  const [revoking, setRevoking] = useState<Entry | null>(null);
  const [revokingAll, setRevokingAll] = useState(false);
  const [done, setDone] = useState('');
  const query = useQuery({
    queryKey: ['tokens', space, filter, pages.cursor],
    queryFn: () =>
      call(
        api.GET('/spaces/{space}/tokens', {
          params: { path: { space }, query: { limit: '50', ...filter, ...(pages.cursor ? { cursor: pages.cursor } : {}) } },
        }),
      ),
    placeholderData: keepPreviousData,
    enabled: !waiting,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['tokens', space] });
  const who = (e: Entry) => e.username ?? e.client_name ?? e.client_id ?? '';

  return (
    <Page title={t('tokens.title')}>
      <p>{t('tokens.intro')}</p>
      <div className="filters" role="search">
        {ready ? <HolderPicker {...picker} /> : null}
        {holder && mayRevoke ? (
          <Button variant="danger" className="filters-action" onPress={() => setRevokingAll(true)}>
            {t('tokens.revokeAllOf', { who: holder.label })}
          </Button>
        ) : null}
      </div>
      <Notice>{t('tokens.jwtNote')}</Notice>
      {done ? <Notice kind="success">{done}</Notice> : null}
      {lookupError ? <LoadError error={lookupError} /> : null}
      {query.error ? <LoadError error={query.error} retry={() => void query.refetch()} /> : null}
      <DataTable
        label={t('tokens.listLabel')}
        rows={waiting ? [] : (query.data?.items ?? [])}
        rowKey={(e) => e.id}
        empty={waiting ? t('tokens.pickFirst') : query.isLoading ? t('common.loading') : t('tokens.noneFound')}
        columns={[
          { id: 'client', name: t('tokens.client'), render: (e) => e.client_name ?? e.client_id ?? '' },
          { id: 'user', name: t('tokens.user'), render: (e) => e.username ?? <span className="muted">{t('tokens.noUser')}</span> },
          {
            id: 'grant',
            name: t('tokens.grant'),
            render: (e) => (
              <span className="when">
                <span>{grantLabel(e.grant_type)}</span>
                <small>{e.kind === 'grant' ? t('tokens.kindGrant') : t('tokens.kindToken')}</small>
              </span>
            ),
          },
          { id: 'scopes', name: t('tokens.scopes'), render: (e) => <ScopeList scope={e.scope} /> },
          {
            id: 'issued',
            name: t('tokens.issued'),
            render: (e) => (
              <span className="when">
                <span>{formatRelative(e.issued_at)}</span>
                <small>{formatDate(e.issued_at)}</small>
              </span>
            ),
          },
          { id: 'expires', name: t('tokens.expires'), render: (e) => <Expiry at={e.expires_at} active={e.active} /> },
          { id: 'refreshes', name: t('tokens.refreshes'), render: (e) => <Refreshes e={e} /> },
          ...(mayRevoke
            ? [
                {
                  id: 'actions',
                  name: t('common.actions'),
                  render: (e: Entry) => (
                    <Button
                      variant="quiet"
                      aria-label={t('tokens.revokeLabel', {
                        grant: grantLabel(e.grant_type),
                        kind: e.kind === 'grant' ? t('tokens.kindGrant') : t('tokens.kindToken'),
                        issued: formatDate(e.issued_at),
                      })}
                      onPress={() => setRevoking(e)}
                    >
                      {t('tokens.revoke')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Pager pages={pages} nextCursor={waiting ? null : query.data?.next_cursor} />
      <ConfirmDialog
        isOpen={!!revoking}
        title={t('tokens.revokeTitle')}
        confirmLabel={t('tokens.revoke')}
        onClose={() => setRevoking(null)}
        onConfirm={async () => {
          await call(api.DELETE('/spaces/{space}/tokens/{id}', { params: { path: { space, id: revoking!.id } } }));
          setDone(t('tokens.revoked'));
          await refresh();
        }}
      >
        {revoking ? (
          <p>
            {t(revoking.kind === 'grant' ? 'tokens.revokeGrantText' : 'tokens.revokeTokenText', {
              grant: grantLabel(revoking.grant_type),
              who: who(revoking),
            })}
          </p>
        ) : null}
      </ConfirmDialog>
      {revokingAll && holder ? (
        <RevokeAllDialog
          space={space}
          holder={holder}
          onClose={() => setRevokingAll(false)}
          onDone={(answer) => {
            setDone(
              t('tokens.revokedAll', {
                grants: countOf('grants', answer.revoked_grants),
                tokens: countOf('tokens', answer.revoked_access_tokens),
                who: holder.label,
              }),
            );
            void refresh();
          }}
        />
      ) : null}
    </Page>
  );
}
