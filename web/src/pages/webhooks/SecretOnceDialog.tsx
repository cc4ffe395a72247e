// A webhook's signing secret, shown this once (after subscribing or rotating): copy it into the receiver now; it
// is not kept anywhere the console or the API could show it again. The person must press the button to close.
import { t } from '../../i18n';
import { Button } from '../../ui/Button';
import { CopyField } from '../../ui/CopyButton';
import { Dialog } from '../../ui/Dialog';
import { Notice } from '../../ui/Page';

export interface ShownSecret {
  title: string;
  secret: string;
  /** What else to know (the previous secret's grace period after a rotation). */
  note?: string;
}

export function SecretOnceDialog({ shown, onClose }: { shown: ShownSecret | null; onClose(): void }) {
  return (
    <Dialog title={shown?.title ?? ''} isOpen={shown !== null} onClose={onClose} required>
      {shown ? (
        <>
          <Notice kind="warning">{t('webhooks.secret.warning')}</Notice>
          <CopyField label={t('webhooks.secret.label')} value={shown.secret} />
          {shown.note ? <p>{shown.note}</p> : null}
          <p className="hint">{t('webhooks.secret.verify')}</p>
          <pre className="code-sample">
            <code>{"new Webhook(process.env.KEYWARD_WEBHOOK_SECRET).verify(rawBody, req.headers); // 'standardwebhooks'"}</code>
          </pre>
          <div className="dialog-actions">
            <Button variant="primary" onPress={onClose}>
              {t('webhooks.secret.stored')}
            </Button>
          </div>
        </>
      ) : null}
    </Dialog>
  );
}
