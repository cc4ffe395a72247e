// Connecting through the provider's consent: the API makes a one-time connect link; the person follows it in a new
// tab (the provider's sign-in and consent, then Keyward's callback, which stores the tokens), or sends it to whoever
// holds the provider account. Meanwhile the dialog watches the connection and says when it is made.
import { useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { formatDate, t } from '../../i18n';
import { Button } from '../../ui/Button';
import { CopyField } from '../../ui/CopyButton';
import { Dialog } from '../../ui/Dialog';
import { LoadError } from '../../ui/Page';
import type { Connection } from './vault-api';

export function ConnectDialog({
  space,
  connection,
  providerName,
  onClose,
}: {
  space: string;
  /** The connection to connect; null: closed. */
  connection: Connection | null;
  providerName: string;
  onClose(): void;
}) {
  const reconnect = connection !== null && connection.status !== 'pending';
  return (
    <Dialog
      title={connection ? t(reconnect ? 'connections.connect.reconnectTitle' : 'connections.connect.title', { name: connection.name }) : ''}
      isOpen={connection !== null}
      onClose={onClose}
    >
      {connection ? <ConnectSteps space={space} connection={connection} providerName={providerName} reconnect={reconnect} onClose={onClose} /> : null}
    </Dialog>
  );
}

function ConnectSteps({
  space,
  connection,
  providerName,
  reconnect,
  onClose,
}: {
  space: string;
  connection: Connection;
  providerName: string;
  reconnect: boolean;
  onClose(): void;
}) {
  const queryClient = useQueryClient();
  // A fresh link each time the dialog opens (links are one-time); the key keeps React's double mount to one.
  const [opened] = useState(() => Date.now());
  const link = useQuery({
    queryKey: ['connect-link', space, connection.id, opened],
    queryFn: () => call(api.POST('/spaces/{space}/connections/{id}/connect', { params: { path: { space, id: connection.id } }, body: {} })),
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });
  // Made when the connection says connected with a consent newer than the one it had when the dialog opened.
  const watched = useQuery({
    queryKey: ['connection', space, connection.id],
    queryFn: () => call(api.GET('/spaces/{space}/connections/{id}', { params: { path: { space, id: connection.id } } })),
    refetchInterval: (q) => (made(q.state.data) ? false : 2000),
  });
  function made(c: Connection | undefined): boolean {
    return !!c && c.status === 'connected' && c.connected_at !== null && c.connected_at !== connection.connected_at;
  }
  const done = made(watched.data);
  useEffect(() => {
    if (done) void queryClient.invalidateQueries({ queryKey: ['connections', space] });
  }, [done, queryClient, space]);

  return (
    <div className="connect-steps">
      <p>{t('connections.connect.text', { provider: providerName })}</p>
      {reconnect ? <p>{t('connections.connect.reconnectText')}</p> : null}
      {link.error ? <LoadError error={link.error} retry={() => void link.refetch()} /> : null}
      {link.data && !done ? (
        <>
          <p>
            <a className="btn btn-primary" href={link.data.connect_url} target="_blank" rel="noopener noreferrer">
              {t('connections.connect.go', { provider: providerName })}
            </a>
          </p>
          <CopyField label={t('connections.connect.link')} value={link.data.connect_url} />
          <p className="hint">{t('connections.connect.linkHint', { provider: providerName, time: formatDate(link.data.expires_at) })}</p>
        </>
      ) : null}
      {!link.data && !link.error ? <p>{t('common.loading')}</p> : null}
      <div role="status" className="connect-status">
        {done ? (
          <p className="notice notice-success">{t('connections.connect.made', { name: connection.name })}</p>
        ) : link.data ? (
          <p className="hint">{t('connections.connect.waiting', { provider: providerName })}</p>
        ) : null}
      </div>
      <div className="dialog-actions">
        <Button variant={done ? 'primary' : 'secondary'} onPress={onClose} autoFocus={done}>
          {done ? t('common.close') : t('connections.connect.later')}
        </Button>
      </div>
    </div>
  );
}
