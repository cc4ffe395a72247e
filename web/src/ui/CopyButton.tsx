import { useState } from 'react';
import { t } from '../i18n';
import { Button } from './Button';

/** Copies `value`; says "Copied" for two seconds (announced: the label lives in a live region). */
export function CopyButton({ value, what }: { value: string; what: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <Button
      variant="quiet"
      // The name keeps the visible word ("Copy", then "Copied"): axe's label-content-name-mismatch, and speech input.
      aria-label={t(copied ? 'common.copiedLabel' : 'common.copyLabel', { what })}
      onPress={async () => {
        await navigator.clipboard.writeText(value).catch(() => undefined);
        setCopied(true);
        setTimeout(() => setCopied(false), 2000);
      }}
    >
      <span aria-live="polite">{copied ? t('common.copied') : t('common.copy')}</span>
    </Button>
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
