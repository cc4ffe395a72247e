// A new signing secret for a subscription. The previous one goes on signing beside it for the grace period, so the
// receiver can switch without refusing a message; the new secret is then shown once.
import { useState } from 'react';
import { api, call } from '../../api/client';
import { formatDate, t } from '../../i18n';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Select } from '../../ui/Fields';
import { Notice } from '../../ui/Page';
import type { ShownSecret } from './SecretOnceDialog';
import type { Webhook } from './webhooks-api';

const GRACE = [0, 3600, 86_400, 604_800] as const;

export function RotateSecretDialog({
  space,
  webhook,
  onClose,
  onRotated,
}: {
  space: string;
  webhook: Webhook | null;
  onClose(): void;
  onRotated(shown: ShownSecret): void;
}) {
  const [grace, setGrace] = useState('86400');
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => {
    setFailure(null);
    onClose();
  };
  return (
    <Dialog title={t('webhooks.rotate.title')} isOpen={webhook !== null} onClose={close}>
      <p>{t('webhooks.rotate.text', { url: webhook?.url ?? '' })}</p>
      <Select
        label={t('webhooks.rotate.grace')}
        value={grace}
        onChange={setGrace}
        options={GRACE.map((g) => ({ id: String(g), label: t(`webhooks.rotate.grace${g}`) }))}
      />
      {failure ? <Notice kind="error">{failure}</Notice> : null}
      <div className="dialog-actions">
        <Button onPress={close}>{t('common.cancel')}</Button>
        <Button
          variant="primary"
          isDisabled={busy}
          onPress={async () => {
            setBusy(true);
            try {
              const rotated = await call(
                api.POST('/spaces/{space}/webhooks/{id}/rotate-secret', {
                  params: { path: { space, id: webhook!.id } },
                  body: { grace_period: Number(grace) },
                }),
              );
              onRotated({
                title: t('webhooks.rotate.newSecret'),
                secret: rotated.secret,
                note: rotated.previous_secret_expires_at
                  ? t('webhooks.rotate.previousUntil', { time: formatDate(rotated.previous_secret_expires_at) })
                  : t('webhooks.rotate.previousGone'),
              });
              close();
            } catch (err) {
              setFailure(err instanceof Error ? err.message : String(err));
            } finally {
              setBusy(false);
            }
          }}
        >
          {t('webhooks.rotate.confirm')}
        </Button>
      </div>
    </Dialog>
  );
}
