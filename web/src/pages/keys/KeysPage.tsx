// The space's signing keys with their timelines (published → signing → retiring → gone from the JWKS), and rotation.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { api, call } from '../../api/client';
import { useSession } from '../../api/session';
import { formatDate, t, type MessageKey } from '../../i18n';
import { Button } from '../../ui/Button';
import { LoadError, Notice, Page } from '../../ui/Page';
import { RotateKeysDialog, type RotateRequest } from './RotateKeysDialog';
import { byNewest, neverSigns, statusOf, stepsOf, type KeyStatus, type KeyView, type Step } from './timeline';
import '../../styles/admin-ui.css';

const BADGE: Record<KeyStatus, string> = {
  pending: 'badge-info',
  active: 'badge-success',
  retiring: 'badge-warning',
  retired: 'badge-muted',
  withdrawn: 'badge-muted',
};

const PROGRESS: Record<Step['progress'], MessageKey> = {
  done: 'keys.stepDone',
  now: 'keys.stepNow',
  next: 'keys.stepNext',
  skipped: 'keys.stepSkipped',
};

function StatusBadge({ k }: { k: KeyView }) {
  const status = statusOf(k);
  const at = formatDate(status === 'pending' ? k.active_at : k.retired_at);
  const removed = formatDate(k.expires_at, t('keys.keptForever').toLowerCase());
  return (
    <>
      <span className={`badge ${BADGE[status]}`}>{t(`keys.state.${status}` as MessageKey)}</span>
      <span className="hint status-hint">{t(`keys.stateHint.${status}` as MessageKey, { at, removed })}</span>
    </>
  );
}

function Timeline({ k }: { k: KeyView }) {
  return (
    <ol className="timeline" aria-label={t('keys.timeline')}>
      {stepsOf(k).map((s) => (
        <li key={s.id} className={`step-${s.progress}`} aria-current={s.progress === 'now' ? 'step' : undefined}>
          <span className="step-name">
            {t(`keys.step.${s.id}` as MessageKey)}
            <span className="visually-hidden"> ({t(PROGRESS[s.progress])})</span>
          </span>
          <span className="step-date">
            {s.at ? (
              <time dateTime={s.at}>{formatDate(s.at)}</time>
            ) : s.id === 'signing' && neverSigns(k) ? (
              t('keys.neverSigned')
            ) : s.id === 'removed' && k.retired_at ? (
              t('keys.keptForever')
            ) : (
              t('keys.notPlanned')
            )}
          </span>
        </li>
      ))}
    </ol>
  );
}

export function KeysPage() {
  const { space } = useParams({ from: '/spaces/$space' });
  const { can } = useSession();
  const queryClient = useQueryClient();
  const [rotating, setRotating] = useState(false);
  const [done, setDone] = useState<KeyView | null>(null);
  const keys = useQuery({ queryKey: ['keys', space], queryFn: () => call(api.GET('/spaces/{space}/keys', { params: { path: { space } } })) });
  const spaceInfo = useQuery({ queryKey: ['space', space], queryFn: () => call(api.GET('/spaces/{space}', { params: { path: { space } } })) });
  const rotate = useMutation({
    mutationFn: ({ alg, publishSeconds }: RotateRequest) =>
      call(
        api.POST('/spaces/{space}/keys/rotate', {
          params: { path: { space } },
          body: { alg, ...(publishSeconds === undefined ? {} : { publish_seconds: publishSeconds }) },
        }),
      ),
    onSuccess: async (key) => {
      setDone(key);
      setRotating(false);
      // Another algorithm is now the space's signing_alg: its settings (and the rows' order) follow.
      await Promise.all([queryClient.invalidateQueries({ queryKey: ['keys', space] }), queryClient.invalidateQueries({ queryKey: ['space', space] })]);
    },
  });
  const signingAlg = spaceInfo.data?.settings.signing_alg as string | undefined;
  const rows = [...(keys.data?.items ?? [])].sort(byNewest(signingAlg));

  return (
    <Page
      title={t('keys.title')}
      actions={
        can('space:write', space) ? (
          <Button
            variant="primary"
            onPress={() => {
              rotate.reset();
              setRotating(true);
            }}
          >
            {t('keys.rotate')}
          </Button>
        ) : null
      }
    >
      <p className="intro">{t('keys.intro')}</p>
      {done ? <Notice kind="success">{t('keys.rotated', { kid: done.kid, at: formatDate(done.active_at) })}</Notice> : null}
      {keys.error ? <LoadError error={keys.error} retry={() => void keys.refetch()} /> : null}
      {keys.isLoading ? <p>{t('common.loading')}</p> : null}
      {keys.data && rows.length === 0 ? <p className="empty">{t('keys.none')}</p> : null}
      {rows.length ? (
        <div className="table-wrap">
          <table className="plain-table" aria-label={t('keys.listLabel')}>
            <thead>
              <tr>
                <th scope="col">{t('keys.kid')}</th>
                <th scope="col">{t('keys.alg')}</th>
                <th scope="col">{t('keys.status')}</th>
                <th scope="col">{t('keys.timeline')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((k) => (
                <tr key={k.kid} data-kid={k.kid}>
                  <th scope="row">
                    <code>{k.kid}</code>
                  </th>
                  <td>{k.alg}</td>
                  <td>
                    <StatusBadge k={k} />
                  </td>
                  <td>
                    <Timeline k={k} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <RotateKeysDialog
        isOpen={rotating}
        space={space}
        spaceInfo={spaceInfo.data}
        algs={[...new Set(rows.filter((k) => k.state !== 'retired').map((k) => k.alg))]}
        pending={rotate.isPending}
        error={rotate.error}
        onRotate={(request) => rotate.mutate(request)}
        onClose={() => setRotating(false)}
      />
    </Page>
  );
}
