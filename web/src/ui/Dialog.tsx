// A modal dialog: focus moves in and stays until it closes (Escape closes it unless `required`), then returns to the
// control that opened it.
import type { ReactNode } from 'react';
import { Dialog as AriaDialog, Heading, Modal, ModalOverlay } from 'react-aria-components';

export function Dialog({
  title,
  isOpen,
  onClose,
  children,
  role = 'dialog',
  required = false,
}: {
  title: string;
  isOpen: boolean;
  onClose(): void;
  children: ReactNode;
  role?: 'dialog' | 'alertdialog';
  /** The person must press a button (a secret shown once): no closing by Escape or a click outside. */
  required?: boolean;
}) {
  return (
    <ModalOverlay
      isOpen={isOpen}
      onOpenChange={(open) => !open && onClose()}
      isDismissable={!required}
      isKeyboardDismissDisabled={required}
      className="overlay"
    >
      <Modal className="modal">
        <AriaDialog role={role} className="dialog">
          <Heading slot="title">{title}</Heading>
          {children}
        </AriaDialog>
      </Modal>
    </ModalOverlay>
  );
}
