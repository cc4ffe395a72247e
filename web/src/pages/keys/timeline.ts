// A signing key's life, as the server's dates tell it (oauth/tokens/keys.ts): published at creation, signing from
// active_at, stopping at retired_at (when its successor starts), leaving the JWKS at expires_at (null: kept while
// tokens that never expire may exist).
import type { operations } from '../../api/schema.js';

export type KeyView = operations['listKeys']['responses'][200]['content']['application/json']['items'][number];

/** What a person needs to know now: a signing key whose successor is already published is "retiring". */
export type KeyStatus = 'pending' | 'active' | 'retiring' | 'retired' | 'withdrawn';

/** A published key rotated away before its turn came never signs (rotating again retires pending keys too). */
export const neverSigns = (k: KeyView) => k.retired_at !== null && k.retired_at <= k.active_at;

export function statusOf(k: KeyView): KeyStatus {
  if (neverSigns(k)) return 'withdrawn';
  if (k.state === 'active' && k.retired_at) return 'retiring';
  return k.state;
}

export interface Step {
  id: 'published' | 'signing' | 'retired' | 'removed';
  at: string | null;
  /** done: passed; now: the stage the key is in; next: still to come (or not planned); skipped: never reached. */
  progress: 'done' | 'now' | 'next' | 'skipped';
}

export function stepsOf(k: KeyView, now = Date.now()): Step[] {
  const passed = (iso: string | null) => iso !== null && new Date(iso).getTime() <= now;
  const dates: [Step['id'], string | null][] = [
    ['published', k.created_at],
    ['signing', neverSigns(k) ? null : k.active_at],
    ['retired', k.retired_at],
    ['removed', k.expires_at],
  ];
  // The stage the key is in is the last one passed.
  const current = dates.reduce((last, [, at], i) => (passed(at) ? i : last), 0);
  return dates.map(([id, at], i) => ({ id, at, progress: i < current ? (at === null ? 'skipped' : 'done') : i === current ? 'now' : 'next' }));
}

/** Newest first; among keys made together, the one of the space's own algorithm first. */
export const byNewest = (signingAlg: string | undefined) => (a: KeyView, b: KeyView) =>
  b.created_at.localeCompare(a.created_at) || Number(b.alg === signingAlg) - Number(a.alg === signingAlg) || a.alg.localeCompare(b.alg);
