import { useEffect, type ReactNode } from 'react';
import { ApiError } from '../api/client';
import { t } from '../i18n';
import { Button } from './Button';

/** A page's heading (the document's title follows it) and its main actions. */
export function Page({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  useEffect(() => {
    document.title = `${title} · Keyward`;
  }, [title]);
  return (
    <section className="page" aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title">{title}</h1>
        {actions ? <div className="page-actions">{actions}</div> : null}
      </header>
      {children}
    </section>
  );
}

/** A message that is announced: errors as alerts, the rest politely. */
export function Notice({ kind = 'info', children }: { kind?: 'info' | 'warning' | 'error' | 'success'; children: ReactNode }) {
  return (
    <div className={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

export function LoadError({ error, retry }: { error: unknown; retry?: () => void }) {
  const message = error instanceof ApiError || error instanceof Error ? error.message : String(error);
  return (
    <Notice kind="error">
      {t('common.failed', { message })}
      {retry ? (
        <>
          {' '}
          <Button variant="quiet" onPress={retry}>
            {t('common.retry')}
          </Button>
        </>
      ) : null}
    </Notice>
  );
}
