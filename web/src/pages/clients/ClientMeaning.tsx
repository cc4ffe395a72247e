// The summary and the warnings beside the form: recomputed from the values being typed (not the saved ones), so a
// risky choice is flagged the moment it is made. The warnings are a polite live region: announced, not shouted.
import { t } from '../../i18n';
import type { ClientFormValues } from './form-model';
import { summaryOf, warningsOf, type SpaceDefaults } from './meaning';

export function ClientMeaning({ values, defaults, active = true }: { values: ClientFormValues; defaults?: SpaceDefaults; active?: boolean }) {
  const warnings = warningsOf(values);
  return (
    <aside className="client-meaning" aria-label={t('clients.summary.title')}>
      <section aria-labelledby="summary-title" className="card">
        <h2 id="summary-title">{t('clients.summary.title')}</h2>
        <ul className="summary-list">
          {summaryOf(values, defaults, active).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="warnings-title" className="card warnings">
        <h2 id="warnings-title">{t('clients.warnings.title')}</h2>
        <div aria-live="polite">
          {warnings.length ? (
            <ul className="warning-list">
              {warnings.map((w) => (
                <li key={w.id} className="warning-item" data-warning={w.id.split(':')[0]}>
                  {w.text}
                </li>
              ))}
            </ul>
          ) : (
            <p className="hint">{t('clients.warnings.none')}</p>
          )}
        </div>
      </section>
    </aside>
  );
}
