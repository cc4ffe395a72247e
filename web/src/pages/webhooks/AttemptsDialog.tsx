// Every attempt of one delivery, oldest first: when, whether an admin asked for it, the receiver's status code and
// the start of its answer, or why no answer came; with the webhook-id receivers drop duplicates by.
import { formatDate, t } from '../../i18n';
import { Button } from '../../ui/Button';
import { CopyField } from '../../ui/CopyButton';
import { Dialog } from '../../ui/Dialog';
import { deliveryStatusLabel, type Delivery } from './webhooks-api';

export function AttemptsDialog({ delivery, onClose }: { delivery: Delivery | null; onClose(): void }) {
  return (
    <Dialog title={t('webhooks.attempts.title', { type: delivery?.event_type ?? '' })} isOpen={delivery !== null} onClose={onClose}>
      {delivery ? (
        <>
          <p>
            {t('webhooks.attempts.summary', {
              status: deliveryStatusLabel(delivery.status),
              created: formatDate(delivery.created_at),
              n: delivery.attempts.length,
            })}
            {delivery.next_attempt_at ? ` ${t('webhooks.attempts.next', { time: formatDate(delivery.next_attempt_at) })}` : ''}
          </p>
          <CopyField label={t('webhooks.attempts.webhookId')} value={delivery.webhook_id} />
          {delivery.attempts.length === 0 ? (
            <p className="empty">{t('webhooks.attempts.none')}</p>
          ) : (
            <ol className="attempts">
              {delivery.attempts.map((a, i) => (
                <li key={i} className="attempt">
                  <p>
                    <strong>{formatDate(a.at)}</strong>
                    {a.manual ? ` · ${t('webhooks.attempts.manual')}` : ''} ·{' '}
                    {a.response_status !== undefined ? t('webhooks.attempts.answered', { status: a.response_status }) : t('webhooks.attempts.noAnswer')} ·{' '}
                    {t('webhooks.attempts.duration', { ms: a.duration_ms })}
                  </p>
                  {a.error ? <p className="cell-error">{a.error}</p> : null}
                  {a.response_body ? <pre className="code-sample">{a.response_body}</pre> : null}
                </li>
              ))}
            </ol>
          )}
          <div className="dialog-actions">
            <Button variant="primary" onPress={onClose}>
              {t('common.close')}
            </Button>
          </div>
        </>
      ) : null}
    </Dialog>
  );
}
