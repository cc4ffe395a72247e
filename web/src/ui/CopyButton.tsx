import { useState } from 'react';
import { t } from '../i18n';
import { Button } from './Button';

/**
 * Copies `value`; says "Copied" for two seconds beside the button, in a live region (announced). The button's own
 * name stays "Copy …", so its visible text is always part of its accessible name (WCAG 2.5.3).
 */
export function CopyButton({ value, what }: { value: string; what: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <span className="copy-action">
      <Button
        variant="quiet"
        aria-label={t('common.copyLabel', { what })}
        onPress={async () => {
          await navigator.clipboard.writeText(value).catch(() => undefined);
          setCopied(true);
          setTimeout(() => setCopied(false), 2000);
        }}
      >
        {t('common.copy')}
      </Button>
      <span className="copy-status" aria-live="polite">
        {copied ? t('common.copied') : ''}
      </span>
    </span>
  );
}

/** A value to copy: monospace, selectable, with its copy button. */
export function CopyField({ label, value }: { label: string; value: string }) {
  return (
    <div className="copy-field">
      <span className="copy-label">{label}</span>
      <code className="copy-value">{value}</code>
      <CopyButton value={value} what={label} />
    </div>
  );
}
