// Deleting a space takes everything in it: the dialog says what, and asks for the slug typed out before it acts.
import { useState } from 'react';
import { Form } from 'react-aria-components';
import { api, call } from '../../api/client';
import { t } from '../../i18n';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { TextField } from '../../ui/Fields';
import { LoadError } from '../../ui/Page';

export function DeleteSpaceDialog({
  space,
  onClose,
  onDeleted,
}: {
  space: { slug: string; display_name: string; issuer: string } | null;
  onClose(): void;
  onDeleted(slug: string): void;
}) {
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const close = () => {
    setTyped('');
    setFailure(null);
    onClose();
  };
  const matches = !!space && typed.trim() === space.slug;
  return (
    <Dialog title={space ? t('spaces.deleteTitle', { space: space.display_name }) : ''} isOpen={!!space} onClose={close} role="alertdialog">
      {space ? (
        <Form
          onSubmit={async (e) => {
            e.preventDefault();
            if (!matches || busy) return;
            setBusy(true);
            setFailure(null);
            try {
              await call(api.DELETE('/spaces/{space}', { params: { path: { space: space.slug } } }));
              setTyped('');
              onDeleted(space.slug);
            } catch (err) {
              setFailure(err);
            } finally {
              setBusy(false);
            }
          }}
        >
          <p>{t('spaces.deleteWhat')}</p>
          <p>{t('spaces.deleteIssuer', { issuer: space.issuer })}</p>
          <TextField label={t('spaces.deleteType', { slug: space.slug })} value={typed} onChange={setTyped} autoComplete="off" autoFocus />
          {failure ? <LoadError error={failure} /> : null}
          <div className="dialog-actions">
            <Button onPress={close}>{t('common.cancel')}</Button>
            <Button type="submit" variant="danger" isDisabled={!matches}>
              {t('spaces.deleteConfirm')}
            </Button>
          </div>
        </Form>
      ) : null}
    </Dialog>
  );
}
