// Store contract: the group-commit INSERT (unnest over array literals) stores every value as given on both
// stores, including scopes with quotes, backslashes, commas, braces, the word NULL and non-ASCII text.
import { inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { SYSTEM } from '../../src/events/audit.js';
import { insertAccessTokens, type AccessRow } from '../../src/store/access-tokens.js';
import { accessTokens } from '../../src/store/schema.js';
import { useServices } from '../helpers/services.js';
import { pgNotice, STORE_KINDS } from '../helpers/store.js';

pgNotice();

describe.each(STORE_KINDS)('insertAccessTokens (%s)', (kind) => {
  const env = useServices(kind);

  it('round-trips odd values and nulls, one row or many', async () => {
    const { ts, s } = env;
    const space = await s.spaces.get('default');
    const c = await s.clients.create(space, { name: 'ins', grant_types: ['client_credentials'] }, SYSTEM);
    const clientPk = (await s.clients.row(space, c.client_id)).id;
    const odd = ['a"b', 'back\\slash', 'com,ma', '{brace}', 'NULL', 'ünïcødé', ''];
    const createdAt = new Date('2026-01-02T03:04:05.678Z');
    const rows: AccessRow[] = [
      {
        id: 'one',
        spaceId: space.id,
        clientPk,
        userId: null,
        grantId: null,
        grantType: 'client_credentials',
        format: 'opaque',
        scope: odd,
        createdAt,
        expiresAt: null,
      },
      ...Array.from({ length: 50 }, (_, i) => ({
        id: `many-${i}`,
        spaceId: space.id,
        clientPk,
        grantType: 'x',
        format: 'jwt',
        scope: [],
        createdAt,
        expiresAt: new Date(createdAt.getTime() + i * 1000),
      })),
    ];
    await insertAccessTokens(ts.store, rows);
    const back = await ts.store.db
      .select()
      .from(accessTokens)
      .where(
        inArray(
          accessTokens.id,
          rows.map((r) => r.id),
        ),
      );
    expect(back).toHaveLength(51);
    const one = back.find((r) => r.id === 'one')!;
    expect(one).toMatchObject({ scope: odd, userId: null, grantId: null, expiresAt: null, format: 'opaque' });
    expect(one.createdAt.toISOString()).toBe(createdAt.toISOString());
    expect(back.find((r) => r.id === 'many-7')!.expiresAt!.getTime()).toBe(createdAt.getTime() + 7000);
  });
});
