// What the consent page says a request asks for. People read sentences, not scope names: a scope shows its
// description; a standard scope whose description an admin cleared shows its built-in text; any other scope without
// a description is never shown by its raw name (a string like "api:rw" tells a person nothing, or misleads) but
// counted in one line that says there is more access than described, so nothing asked for is hidden.
import { standardScope } from '../../registry/standard-scopes.js';
import { t, type Locale, type MessageKey } from './i18n.js';

const PROTOCOL_SCOPE_TEXT: Record<string, MessageKey> = { openid: 'openid', offline_access: 'offlineAccess' };

export const undescribedText = (n: number, locale: Locale = 'en'): string => (n === 1 ? t(locale, 'undescribedOne') : t(locale, 'undescribedMany', { n }));

/**
 * The lines of the consent page for the requested `scope` (protocol scopes first), with the descriptions of the
 * client's scopes. The protocol's own scopes speak the page's language; a scope's description is the admin's text.
 */
export function consentLines(scope: readonly string[], described: readonly { name: string; description: string }[], locale: Locale = 'en'): string[] {
  const lines: string[] = [];
  let undescribed = 0;
  // Who you are first, then what the application may see or do.
  const ordered = [...scope.filter((n) => n in PROTOCOL_SCOPE_TEXT), ...scope.filter((n) => !(n in PROTOCOL_SCOPE_TEXT))];
  for (const name of ordered) {
    const protocol = PROTOCOL_SCOPE_TEXT[name];
    const text = protocol ? t(locale, protocol) : described.find((s) => s.name === name)?.description.trim() || standardScope(name)?.description;
    if (text) {
      if (!lines.includes(text)) lines.push(text);
    } else undescribed++;
  }
  if (undescribed) lines.push(undescribedText(undescribed, locale));
  return lines;
}
