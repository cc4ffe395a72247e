// "Revoke all" of a client or a user: the confirmation says how many grants and stored tokens go (the API counts
// them), and that every token issued until now becomes invalid, the unstored JWTs too.
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import type { paths } from '../../api/schema';
import { t } from '../../i18n';
import { LoadError } from '../../ui/Page';
import { ConfirmDialog } from '../directory/ConfirmDialog';
import type { Holder } from '../directory/HolderPicker';
import { countOf } from '../directory/labels';

type Answer = paths['/spaces/{space}/tokens/revoke']['post']['responses']['200']['content']['application/json'];

export function RevokeAllDialog({ space, holder, onClose, onDone }: { space: string; holder: Holder; onClose(): void; onDone(a: Answer): void }) {
  const by = holder.kind === 'client' ? { client_id: holder.id } : { user_id: holder.id };
  const count = useQuery({
    queryKey: ['token-count', space, by],
    queryFn: () => call(api.GET('/spaces/{space}/tokens/count', { params: { path: { space }, query: by } })),
    gcTime: 0,
  });
  return (
    <ConfirmDialog
      isOpen
      title={t('tokens.revokeAllTitle', { who: holder.label })}
      confirmLabel={t('tokens.revokeAll')}
      onClose={onClose}
      onConfirm={async () => onDone(await call(api.POST('/spaces/{space}/tokens/revoke', { params: { path: { space } }, body: by })))}
    >
      {count.error ? <LoadError error={count.error} /> : null}
      <p>
        {count.data
          ? t('tokens.revokeAllCount', { grants: countOf('grants', count.data.grants), tokens: countOf('tokens', count.data.access_tokens) })
          : t('tokens.revokeAllCounting')}
      </p>
      <p>{holder.kind === 'client' ? t('tokens.revokeAllClient') : t('tokens.revokeAllUser')}</p>
    </ConfirmDialog>
  );
}
