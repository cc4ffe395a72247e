// A confirmation before something that cannot be undone: says what happens, runs the action, and shows the API's
// refusal (a 409 "still in use") inside the dialog, where the person is looking, instead of closing it.
import { useState, type ReactNode } from 'react';
import { ApiError } from '../api/client';
import { t } from '../i18n';
import { Button } from './Button';
import { Dialog } from './Dialog';
import { Notice } from './Page';

export function ConfirmActionDialog({
  title,
  isOpen,
  onClose,
  children,
  confirmLabel,
  onConfirm,
  variant = 'danger',
}: {
  title: string;
  isOpen: boolean;
  onClose(): void;
  children: ReactNode;
  confirmLabel: string;
  /** The action; a thrown error is shown in the dialog, which stays open. */
  onConfirm(): Promise<unknown>;
  variant?: 'danger' | 'primary';
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => {
    setError(null);
    onClose();
  };
  return (
    <Dialog title={title} isOpen={isOpen} onClose={close} role="alertdialog">
      {children}
      {error ? <Notice kind="error">{error}</Notice> : null}
      <div className="dialog-actions">
        <Button onPress={close}>{t('common.cancel')}</Button>
        <Button
          variant={variant}
          isDisabled={busy}
          onPress={async () => {
            setBusy(true);
            setError(null);
            try {
              await onConfirm();
              close();
            } catch (err) {
              setError(err instanceof ApiError || err instanceof Error ? err.message : String(err));
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
