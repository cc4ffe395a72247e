// A confirmation before something that cannot be undone (delete, revoke, disable): it says what will happen, the
// person confirms or cancels, and an error from the API stays in the dialog (nothing is lost, they may try again).
import { useState, type ReactNode } from 'react';
import { t } from '../../i18n';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { LoadError } from '../../ui/Page';

export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  isOpen,
  onClose,
  onConfirm,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  isOpen: boolean;
  onClose(): void;
  /** Runs the action; the dialog closes when it resolves and shows the error when it throws. */
  onConfirm(): Promise<unknown>;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const close = () => {
    setError(null);
    onClose();
  };
  return (
    <Dialog title={title} isOpen={isOpen} onClose={close} role="alertdialog">
      <div className="confirm-text">{children}</div>
      {error ? <LoadError error={error} /> : null}
      <div className="dialog-actions">
        <Button onPress={close}>{t('common.cancel')}</Button>
        <Button
          variant="danger"
          isDisabled={busy}
          onPress={async () => {
            setBusy(true);
            setError(null);
            try {
              await onConfirm();
              close();
            } catch (err) {
              setError(err);
            } finally {
              setBusy(false);
            }
          }}
        >
          {confirmLabel}
        </Button>
      </div>
    </Dialog>
  );
}
