// Calls to the quirk provider (test/helpers/providers/quirk-provider.ts) as a provider's client makes them, with plain
// fetch over real sockets, for the peers-*.test.ts files that check what each quirk does.
import { afterEach } from 'vitest';
import { startQuirkProvider, type QuirkProvider, type QuirkProviderOptions } from '../helpers/providers/quirk-provider.js';

/** Starts quirk providers for a test file; each is closed after the test that started it. */
export function quirkProviders(): (opts?: QuirkProviderOptions) => Promise<QuirkProvider> {
  const open: QuirkProvider[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((p) => p.close()));
  });
  return async (opts = {}) => {
    const p = await startQuirkProvider(opts);
    open.push(p);
    return p;
  };
}

export const basic = (id: string, secret: string): string =>
  'Basic ' + Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64');

export async function tokenRequest(
  p: QuirkProvider,
  params: Record<string, string>,
  headers: Record<string, string> = { authorization: basic('quirk-client', 'quirk-secret') },
) {
  const res = await fetch(p.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(params),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as any };
}
export const refresh = (p: QuirkProvider, token: string) => tokenRequest(p, { grant_type: 'refresh_token', refresh_token: token });

/** A controllable clock: `clock.advance(seconds)`. */
export function testClock() {
  let t = Date.now();
  return { now: () => t, advance: (s: number) => void (t += s * 1000) };
}
