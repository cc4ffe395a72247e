// Store contract: OAuthViews on both stores. A user is found in its own space only when a space is given; a client's
// scopes come sorted by name; CORS sources are those of active clients only.
import { describe, expect, it } from 'vitest';
import { SYSTEM } from '../../src/events/audit.js';
import { OAuthViews } from '../../src/store/oauth-views.js';
import { useServices } from '../helpers/services.js';
import { pgNotice, STORE_KINDS } from '../helpers/store.js';

pgNotice();

describe.each(STORE_KINDS)('OAuthViews (%s)', (kind) => {
  const env = useServices(kind);

  it('reads users by space, client scopes by name, CORS sources of active clients', async () => {
    const { ts, s } = env;
    const views = new OAuthViews(ts.store.db);
    const space = await s.spaces.get('default');
    const other = await s.spaces.get((await s.spaces.create({ slug: 'views-other' }, SYSTEM)).slug);
    const user = await s.users.create(space, { username: 'viewer', kind: 'service', password: 'a long enough password' }, SYSTEM);
    expect((await views.user(user.id))?.username).toBe('viewer');
    expect((await views.user(user.id, space.id))?.username).toBe('viewer');
    expect(await views.user(user.id, other.id)).toBeUndefined();

    for (const name of ['zeta', 'alpha']) await s.scopes.create(space, { name }, SYSTEM);
    const uris = { grant_types: ['authorization_code'], client_type: 'public' as const };
    const live = await s.clients.create(space, { name: 'live', ...uris, redirect_uris: ['https://live.example/cb'], scope: 'zeta alpha' }, SYSTEM);
    await s.clients.create(space, { name: 'off', ...uris, redirect_uris: ['https://off.example/cb'], active: false }, SYSTEM);
    const row = (await views.client(live.client_id))!;
    expect(await views.clientId(row.id)).toBe(live.client_id);
    expect((await views.clientScopes(row.id)).map((r) => r.name)).toEqual(['alpha', 'zeta']);
    expect(await views.scopeNames(space.id)).toEqual(expect.arrayContaining(['alpha', 'zeta']));
    expect((await views.corsSources(space.id)).flatMap((c) => c.redirectUris)).toEqual(['https://live.example/cb']);
    expect(await views.space('views-other')).toMatchObject({ id: other.id });
  });
});
