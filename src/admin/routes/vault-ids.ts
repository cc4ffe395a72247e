// Vault ids are UUIDs. Anything else cannot name a provider client or connection: answer 404 here, before the
// store would refuse the text as a uuid (which reads as a fault rather than "no such thing").
import { notFound } from '../../errors.js';
import { isUuid } from '../../store/ids.js';

export function vaultId(id: string, what: 'provider client' | 'connection'): string {
  if (!isUuid(id)) throw notFound(`${what} "${id}"`);
  return id;
}
