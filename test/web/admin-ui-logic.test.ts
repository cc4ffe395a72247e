// The console's readings of the API's answers that are not plain display: an audit entry's changes as before/after
// rows, and a signing key's place in its life (tested here without a browser; the pages are tested in
// test/console/admin.test.ts).
import { describe, expect, it } from 'vitest';
import { changeRows } from '../../web/src/pages/audit/changes.js';
import { statusOf, stepsOf, type KeyView } from '../../web/src/pages/keys/timeline.js';

describe('audit entry changes as before/after rows', () => {
  it('reads { from, to } as the two sides', () => {
    expect(changeRows({ action: 'client.update', changes: { name: { from: 'a', to: 'b' }, active: { from: true, to: false } } })).toEqual([
      { field: 'name', before: 'a', after: 'b' },
      { field: 'active', before: true, after: false },
    ]);
  });

  it('puts the values of a creation after, of a deletion or revocation before', () => {
    expect(changeRows({ action: 'scope.create', changes: { name: 'read', default: false } })).toEqual([
      { field: 'name', after: 'read' },
      { field: 'default', after: false },
    ]);
    expect(changeRows({ action: 'client.delete', changes: { name: 'app' } })).toEqual([{ field: 'name', before: 'app' }]);
    expect(changeRows({ action: 'admin_token.revoke', changes: { name: 'ci' } })).toEqual([{ field: 'name', before: 'ci' }]);
  });

  it('keeps an object that merely has a from field as a value, and reads no changes as no rows', () => {
    expect(changeRows({ action: 'webhook.create', changes: { filter: { from: 'x', to: 'y', extra: 1 } } })).toEqual([
      { field: 'filter', after: { from: 'x', to: 'y', extra: 1 } },
    ]);
    expect(changeRows({ action: 'space.delete', changes: null })).toEqual([]);
  });
});

describe('signing key timeline', () => {
  const now = Date.parse('2026-06-01T12:00:00Z');
  const at = (hours: number) => new Date(now + hours * 3_600_000).toISOString();
  const key = (k: Partial<KeyView>): KeyView => ({
    kid: 'k',
    alg: 'ES256',
    state: 'active',
    created_at: at(-48),
    active_at: at(-47),
    retired_at: null,
    expires_at: null,
    ...k,
  });
  const progress = (k: KeyView) => stepsOf(k, now).map((s) => s.progress);

  it('a published key waits for its turn', () => {
    const k = key({ state: 'pending', created_at: at(-0.5), active_at: at(0.5) });
    expect(statusOf(k)).toBe('pending');
    expect(progress(k)).toEqual(['now', 'next', 'next', 'next']);
  });

  it('a signing key, then one whose successor is published (retiring), then one that only verifies', () => {
    expect(statusOf(key({}))).toBe('active');
    expect(progress(key({}))).toEqual(['done', 'now', 'next', 'next']);
    const retiring = key({ retired_at: at(1), expires_at: at(9) });
    expect(statusOf(retiring)).toBe('retiring');
    expect(progress(retiring)).toEqual(['done', 'now', 'next', 'next']);
    const retired = key({ state: 'retired', retired_at: at(-1), expires_at: at(7) });
    expect(statusOf(retired)).toBe('retired');
    expect(progress(retired)).toEqual(['done', 'done', 'now', 'next']);
  });

  it('a published key rotated away before its turn never signs', () => {
    const k = key({ state: 'pending', created_at: at(-0.5), active_at: at(0.5), retired_at: at(-0.1), expires_at: at(8) });
    expect(statusOf(k)).toBe('withdrawn');
    expect(stepsOf(k, now).find((s) => s.id === 'signing')).toMatchObject({ at: null, progress: 'skipped' });
    expect(progress(k)).toEqual(['done', 'skipped', 'now', 'next']);
  });
});
