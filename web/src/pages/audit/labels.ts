import { t, type MessageKey } from '../../i18n';
import { audit } from '../../i18n/en/audit';
import type { AuditEntry } from './changes';

export const TARGET_TYPES = Object.keys(audit.targetTypes);

/** "Client", "Signing key"; an object type the console does not know yet is shown as the server names it. */
export const targetTypeLabel = (type: string) => (TARGET_TYPES.includes(type) ? t(`audit.targetTypes.${type}` as MessageKey) : type);

/** "Client app-1"; an admin by e-mail where `names` knows it (their id otherwise). */
export function targetLabel(e: Pick<AuditEntry, 'target'>, names?: ReadonlyMap<string, string>): string {
  const id = e.target.id ? (e.target.type === 'admin' ? (names?.get(e.target.id) ?? e.target.id) : e.target.id) : '';
  return `${targetTypeLabel(e.target.type)}${id ? ` ${id}` : ''}`;
}

export function actorLabel(e: Pick<AuditEntry, 'actor'>): string {
  if (e.actor.type === 'admin') return e.actor.email ?? e.actor.id ?? '';
  if (e.actor.type === 'client') return t('audit.clientActor', { id: e.actor.id ?? '' });
  if (e.actor.type === 'setup') return t('audit.setup');
  return t('audit.system');
}
