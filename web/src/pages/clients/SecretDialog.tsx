// A secret shown exactly once (seed 002: "after this step you have no access to your secret any more"): a required
// dialog (no Escape, no click outside), the values with copy buttons, the warning, and one way out that says the
// person has copied it. Focus starts on that button (the copy buttons are a Shift+Tab away).
import { t } from '../../i18n';
import { Button } from '../../ui/Button';
import { CopyField } from '../../ui/CopyButton';
import { Dialog } from '../../ui/Dialog';
import { Notice } from '../../ui/Page';

export function SecretDialog({
  title,
  warning,
  values,
  note,
  isOpen,
  onClose,
}: {
  title: string;
  warning: string;
  values: { label: string; value: string }[];
  note?: string;
  isOpen: boolean;
  onClose(): void;
}) {
  return (
    <Dialog title={title} isOpen={isOpen} onClose={onClose} required role="alertdialog">
      <Notice kind="warning">{warning}</Notice>
      {values.map((v) => (
        <CopyField key={v.label} label={v.label} value={v.value} />
      ))}
      {note ? <p>{note}</p> : null}
      <div className="dialog-actions">
        <Button variant="primary" onPress={onClose} autoFocus>
          {t('clients.createdDialog.close')}
        </Button>
      </div>
    </Dialog>
  );
}
