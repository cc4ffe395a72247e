// Store contract of the dashboard's counts (src/events/activity.ts over src/store/activity.ts): counts wait in memory
// and reach activity_counts in one statement per flush, adding to what is there; flushes that overlap neither lose
// nor double a count; reading the figures flushes first; a deleted space's counts go with it; the purge drops counts
// older than its cut-off.
import { describe, expect, it } from 'vitest';
import { ActivityCounter } from '../../src/events/activity.js';
import { SYSTEM } from '../../src/events/audit.js';
import { activitySince, purgeActivity } from '../../src/store/activity.js';
import { useServices } from '../helpers/services.js';
import { pgNotice, STORE_KINDS } from '../helpers/store.js';

pgNotice();
const HOUR = 3_600_000;
const thisHour = () => new Date(Math.floor(Date.now() / HOUR) * HOUR);

describe.each(STORE_KINDS)('activity counts (%s)', (kind) => {
  const env = useServices(kind);

  it('adds what each flush carries, once, and the figures include what is still in memory', async () => {
    const db = env.ts.store.db;
    const space = await env.s.spaces.get('default');
    const counter = new ActivityCounter(env.ts.store);
    for (let i = 0; i < 3; i++) counter.count(space.id, 'token_issued', 'client_credentials');
    counter.count(space.id, 'login_failure', 'invalid_credentials');
    expect(await activitySince(db, space.id, thisHour())).toEqual([]); // nothing written before a flush

    // Two flushes at once, with counts arriving between them: each count is written exactly once.
    const first = counter.flush();
    counter.count(space.id, 'token_issued', 'client_credentials');
    await Promise.all([first, counter.flush(), counter.flush()]);
    const rows = await activitySince(db, space.id, thisHour());
    expect(rows.map((r) => [r.kind, r.key, r.count]).sort()).toEqual([
      ['login_failure', 'invalid_credentials', 1],
      ['token_issued', 'client_credentials', 4],
    ]);
    expect(rows.every((r) => r.hour.getTime() === thisHour().getTime())).toBe(true);

    // The figures flush first: a count made just before is in them.
    counter.count(space.id, 'token_issued', 'client_credentials');
    const stats = await counter.stats(space, 1);
    expect(stats.hourly.find((r) => r.kind === 'token_issued')?.count).toBe(5);
  });

  it("drops a deleted space's pending counts, and counts older than the purge's cut-off", async () => {
    const db = env.ts.store.db;
    await env.s.spaces.create({ slug: 'gone-soon', display_name: 'Gone soon' }, SYSTEM);
    const gone = await env.s.spaces.get('gone-soon');
    const counter = new ActivityCounter(env.ts.store);
    counter.count(gone.id, 'login', 'login_page');
    await env.s.spaces.delete('gone-soon', SYSTEM);
    await counter.flush(); // no error for the missing space: its counts went with it
    expect(await activitySince(db, gone.id, new Date(0))).toEqual([]);

    const space = await env.s.spaces.get('default');
    counter.count(space.id, 'login', 'login_page');
    await counter.flush();
    expect(await purgeActivity(db, new Date(thisHour().getTime() - HOUR))).toBe(0);
    expect(await purgeActivity(db, new Date(Date.now() + HOUR))).toBeGreaterThan(0);
    expect(await activitySince(db, space.id, new Date(0))).toEqual([]);
  });
});
