// Admins and their roles per space, and what each role may do (from the server's permission table). Only owners
// reach this page; what an owner of one space may do is less than an owner of all spaces (rbac.ts), and only that is
// offered. The signed-in admin's own API tokens are on their account page (pages/account), open to every role.
import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { api, call } from '../../api/client';
import { useSession } from '../../api/session';
import { formatDate, t } from '../../i18n';
import { Button } from '../../ui/Button';
import { LoadError, Notice, Page } from '../../ui/Page';
import { DataTable } from '../../ui/Table';
import { CreateAdminDialog } from './CreateAdminDialog';
import { ManageAdminDialog } from './ManageAdminDialog';
import { explainRole, roleInSpace, roleLabel, type Admin } from './roles';
import { useGrantableSpaces } from './useGrantableSpaces';
import '../../styles/admin-ui.css';

export function AdminsPage() {
  const { space } = useParams({ from: '/spaces/$space' });
  const { session, can } = useSession();
  const queryClient = useQueryClient();
  const spaces = useGrantableSpaces();
  const [creating, setCreating] = useState(false);
  const [managing, setManaging] = useState<Admin | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const allowed = can('admins:manage', space);
  const list = useQuery({ queryKey: ['admins', 'list'], enabled: allowed, queryFn: () => call(api.GET('/admins')) });

  if (!allowed || !session) {
    return (
      <Page title={t('admins.title')}>
        <Notice kind="warning">{t('common.notAllowed')}</Notice>
      </Page>
    );
  }

  return (
    <Page
      title={t('admins.title')}
      actions={
        spaces.length ? (
          <Button variant="primary" onPress={() => setCreating(true)}>
            {t('admins.add')}
          </Button>
        ) : null
      }
    >
      <p className="intro">{t('admins.intro')}</p>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      {list.error ? <LoadError error={list.error} retry={() => void list.refetch()} /> : null}
      <DataTable
        label={t('admins.listLabel')}
        rows={list.data?.items ?? []}
        rowKey={(a) => a.id}
        empty={list.isLoading ? t('common.loading') : t('common.empty')}
        onRowAction={(id) => setManaging(list.data?.items.find((a) => a.id === id) ?? null)}
        columns={[
          {
            id: 'email',
            name: t('admins.email'),
            render: (a) => (
              <>
                {a.email}
                {a.id === session.admin_id ? <span className="hint"> ({t('admins.you')})</span> : null}
              </>
            ),
          },
          {
            id: 'roles',
            name: t('admins.roles'),
            render: (a) =>
              a.roles.length ? (
                <ul className="role-list">
                  {a.roles.map((r) => (
                    <li key={r.space}>{roleInSpace(r.role, r.space)}</li>
                  ))}
                </ul>
              ) : (
                <span className="muted">{t('admins.noRoles')}</span>
              ),
          },
          {
            id: 'status',
            name: t('admins.status'),
            render: (a) => (
              <span className={`badge ${a.disabled ? 'badge-muted' : 'badge-success'}`}>{a.disabled ? t('admins.disabled') : t('admins.enabled')}</span>
            ),
          },
          { id: 'password', name: t('admins.password'), render: (a) => (a.has_password ? t('admins.passwordSet') : t('admins.passwordNone')) },
          { id: 'created', name: t('admins.created'), render: (a) => formatDate(a.created_at) },
          {
            id: 'actions',
            name: t('common.actions'),
            render: (a) => (
              <Button variant="quiet" aria-label={t('admins.manageOf', { email: a.email })} onPress={() => setManaging(a)}>
                {t('admins.manage')}
              </Button>
            ),
          },
        ]}
      />
      <section className="section" aria-labelledby="roles-title">
        <h2 id="roles-title">{t('admins.roleExplainTitle')}</h2>
        <p className="intro">{t('admins.roleExplainIntro')}</p>
        <dl className="role-explain">
          {session.role_order.map((role) => (
            <div key={role}>
              <dt>{roleLabel(role)}</dt>
              <dd>{explainRole(session, role)}</dd>
            </div>
          ))}
        </dl>
      </section>
      <CreateAdminDialog
        isOpen={creating}
        spaces={spaces}
        initialSpace={space}
        onClose={() => setCreating(false)}
        onCreated={(a) => {
          setCreating(false);
          setNotice(t('admins.createdNotice', { email: a.email }));
          void queryClient.invalidateQueries({ queryKey: ['admins', 'list'] });
        }}
      />
      <ManageAdminDialog
        admin={managing}
        spaces={spaces}
        onClose={() => setManaging(null)}
        onChanged={setManaging}
        onDeleted={(a) => {
          setManaging(null);
          setNotice(t('admins.deleted', { email: a.email }));
        }}
      />
    </Page>
  );
}
