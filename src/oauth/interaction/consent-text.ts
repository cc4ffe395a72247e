// What the consent page says a request asks for. People read sentences, not scope names: a scope shows its
// description; a standard scope whose description an admin cleared shows its built-in text; any other scope without
// a description is never shown by its raw name (a string like "api:rw" tells a person nothing, or misleads) but
// counted in one line that says there is more access than described, so nothing asked for is hidden.
import { standardScope } from '../../registry/standard-scopes.js';

const PROTOCOL_SCOPE_TEXT: Record<string, string> = {
  openid: 'Confirm who you are (your user id)',
  offline_access: 'Keep access while you are not using it',
};

export const undescribedText = (n: number): string =>
  n === 1 ? 'Other access to your account that has no description' : `Other access to your account that has no description (${n} permissions)`;

/** The lines of the consent page for the requested `scope` (protocol scopes first), with the descriptions of the client's scopes. */
export function consentLines(scope: readonly string[], described: readonly { name: string; description: string }[]): string[] {
  const lines: string[] = [];
  let undescribed = 0;
  // Who you are first, then what the application may see or do.
  const ordered = [...scope.filter((n) => n in PROTOCOL_SCOPE_TEXT), ...scope.filter((n) => !(n in PROTOCOL_SCOPE_TEXT))];
  for (const name of ordered) {
    const text = PROTOCOL_SCOPE_TEXT[name] ?? (described.find((s) => s.name === name)?.description.trim() || standardScope(name)?.description);
    if (text) {
      if (!lines.includes(text)) lines.push(text);
    } else undescribed++;
  }
  if (undescribed) lines.push(undescribedText(undescribed));
  return lines;
}
