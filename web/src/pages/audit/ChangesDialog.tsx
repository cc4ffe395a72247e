// One audit entry in full: who, when, where, what, and each recorded field before and after the change.
import { formatDate, t } from '../../i18n';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { actorLabel, targetLabel } from './labels';
import { changeRows, type AuditEntry } from './changes';

const REDACTED = '[redacted]';

function Value({ value, present }: { value: unknown; present: boolean }) {
  if (!present) return <span className="muted">—</span>;
  if (value === REDACTED) return <em>{t('audit.redacted')}</em>;
  if (value === null || value === undefined) return <span className="muted">{t('audit.notSet')}</span>;
  if (value === '') return <span className="muted">{t('audit.empty')}</span>;
  if (typeof value === 'string') return <span className="diff-text">{value}</span>;
  if (typeof value === 'boolean') return <span>{value ? t('common.yes') : t('common.no')}</span>;
  if (typeof value === 'number') return <span>{value}</span>;
  return <code className="diff-json">{JSON.stringify(value, null, 2)}</code>;
}

export function ChangesDialog({ entry, names, onClose }: { entry: AuditEntry | null; names?: ReadonlyMap<string, string>; onClose(): void }) {
  const rows = entry ? changeRows(entry) : [];
  return (
    <Dialog title={entry ? t('audit.dialogTitle', { event: entry.type }) : ''} isOpen={!!entry} onClose={onClose}>
      {entry ? (
        <>
          <dl className="facts">
            <dt>{t('audit.at')}</dt>
            <dd>{formatDate(entry.at)}</dd>
            <dt>{t('audit.by')}</dt>
            <dd>{actorLabel(entry)}</dd>
            <dt>{t('audit.space')}</dt>
            <dd>{entry.space ?? t('audit.globalSpace')}</dd>
            <dt>{t('audit.target')}</dt>
            <dd>{targetLabel(entry, names)}</dd>
          </dl>
          {rows.length ? (
            <>
              <table className="diff">
                <caption className="visually-hidden">{t('audit.diffLabel')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('audit.field')}</th>
                    <th scope="col">{t('audit.before')}</th>
                    <th scope="col">{t('audit.after')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.field}>
                      <th scope="row">
                        <code>{r.field}</code>
                      </th>
                      <td className={'before' in r && 'after' in r ? 'diff-old' : undefined}>
                        <Value value={r.before} present={'before' in r} />
                      </td>
                      <td className={'before' in r && 'after' in r ? 'diff-new' : undefined}>
                        <Value value={r.after} present={'after' in r} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {rows.some((r) => !('before' in r) || !('after' in r)) ? <p className="hint">{t('audit.unchangedNote')}</p> : null}
            </>
          ) : (
            <p>{t('audit.noFieldsRecorded')}</p>
          )}
          <div className="dialog-actions">
            <Button variant="primary" onPress={onClose} autoFocus>
              {t('common.close')}
            </Button>
          </div>
        </>
      ) : null}
    </Dialog>
  );
}
