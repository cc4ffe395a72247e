// Every space the admin may see, with its issuer to copy; choosing one opens it. Creating needs the admin role for
// all spaces, deleting the owner role in that space (the default space stays).
import { useState } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { api, call } from '../../api/client';
import { useSession } from '../../api/session';
import { formatDate, formatDuration, t } from '../../i18n';
import { Button } from '../../ui/Button';
import { CopyButton } from '../../ui/CopyButton';
import { LoadError, Notice, Page } from '../../ui/Page';
import { DataTable, Pager, useCursorPages } from '../../ui/Table';
import { CreateSpaceDialog, type CreatedSpace } from './CreateSpaceDialog';
import { DeleteSpaceDialog } from './DeleteSpaceDialog';
import '../../styles/admin-ui.css';

type SpaceRow = CreatedSpace;
const DEFAULT_SPACE = 'default';

export function SpacesPage() {
  const { space: current } = useParams({ from: '/spaces/$space' });
  const { can } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const pages = useCursorPages();
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<SpaceRow | null>(null);
  const [notice, setNotice] = useState<{ text: string; slug?: string } | null>(null);
  const list = useQuery({
    queryKey: ['spaces-page', pages.cursor],
    queryFn: () => call(api.GET('/spaces', { params: { query: { limit: '50', ...(pages.cursor ? { cursor: pages.cursor } : {}) } } })),
    placeholderData: keepPreviousData,
  });
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ['spaces-page'] });
    await queryClient.invalidateQueries({ queryKey: ['spaces'] });
  };
  const open = (slug: string) => void navigate({ to: '/spaces/$space', params: { space: slug } });

  return (
    <Page
      title={t('spaces.title')}
      actions={
        can('space:write', '*') ? (
          <Button variant="primary" onPress={() => setCreating(true)}>
            {t('spaces.add')}
          </Button>
        ) : null
      }
    >
      <p className="intro">{t('spaces.intro')}</p>
      {notice ? (
        <Notice kind="success">
          {notice.text}{' '}
          {notice.slug ? (
            <Link to="/spaces/$space" params={{ space: notice.slug }}>
              {t('spaces.openSpace', { space: notice.slug })}
            </Link>
          ) : null}
        </Notice>
      ) : null}
      {list.error ? <LoadError error={list.error} retry={() => void list.refetch()} /> : null}
      <DataTable
        label={t('spaces.listLabel')}
        rows={list.data?.items ?? []}
        rowKey={(s) => s.slug}
        empty={list.isLoading ? t('common.loading') : t('spaces.none')}
        onRowAction={open}
        columns={[
          {
            id: 'name',
            name: t('spaces.displayName'),
            render: (s) => (
              <>
                <Link to="/spaces/$space" params={{ space: s.slug }} aria-current={s.slug === current ? 'true' : undefined}>
                  {s.display_name}
                </Link>
                {s.slug === current ? <span className="hint"> ({t('spaces.current')})</span> : null}
              </>
            ),
          },
          { id: 'slug', name: t('spaces.slug'), render: (s) => <code>{s.slug}</code> },
          {
            id: 'issuer',
            name: t('spaces.issuer'),
            render: (s) => (
              <span className="issuer">
                <code>{s.issuer}</code>
                <CopyButton value={s.issuer} what={t('spaces.issuerOf', { space: s.slug })} />
              </span>
            ),
          },
          { id: 'access', name: t('spaces.accessTtl'), render: (s) => formatDuration(s.access_token_ttl) },
          { id: 'refresh', name: t('spaces.refreshTtl'), render: (s) => formatDuration(s.refresh_token_ttl) },
          { id: 'created', name: t('spaces.created'), render: (s) => formatDate(s.created_at) },
          {
            id: 'actions',
            name: t('spaces.actions'),
            render: (s) =>
              can('space:delete', s.slug) && s.slug !== DEFAULT_SPACE ? (
                <Button variant="quiet" aria-label={t('spaces.deleteSpace', { space: s.slug })} onPress={() => setDeleting(s)}>
                  {t('common.delete')}
                </Button>
              ) : null,
          },
        ]}
      />
      <Pager pages={pages} nextCursor={list.data?.next_cursor} />
      <CreateSpaceDialog
        isOpen={creating}
        onClose={() => setCreating(false)}
        onCreated={(s) => {
          setCreating(false);
          setNotice({ text: t('spaces.created_', { name: s.display_name }), slug: s.slug });
          void refresh();
        }}
      />
      <DeleteSpaceDialog
        space={deleting}
        onClose={() => setDeleting(null)}
        onDeleted={(slug) => {
          setDeleting(null);
          setNotice({ text: t('spaces.deleted', { space: slug }) });
          void refresh();
          // The space in the address is gone: stay on this page, in the default space.
          if (slug === current) void navigate({ to: '/spaces/$space/spaces', params: { space: DEFAULT_SPACE } });
        }}
      />
    </Page>
  );
}
