// Signing in to the console in a real browser: the session is an http-only cookie (no token where scripts can read
// it), a wrong password says so on the form, a request without the CSRF header is refused, and signing out ends
// the session on the server too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD, expectAccessible, runBrowserTests, screenshot, signIn, startConsole, type ConsoleHarness } from './harness.js';

describe.runIf(runBrowserTests)('console sign-in (chromium)', () => {
  let h: ConsoleHarness;
  beforeAll(async () => {
    h = await startConsole();
  }, 60_000);
  afterAll(async () => h?.close());

  it('refuses a wrong password on the form, then signs in with the keyboard into an http-only session', async () => {
    const w = await h.open();
    w.expectStatus(401, '/console/session');
    await w.page.goto(`${h.server.url}/console/`);
    await expect(w.page.getByRole('heading', { name: 'Sign in to the Keyward console' })).toBeTruthy();
    // The fields the DESIGN contract names.
    expect(await w.page.getByLabel('E-mail').getAttribute('autocomplete')).toBe('username');
    expect(await w.page.getByLabel('Password').getAttribute('autocomplete')).toBe('current-password');
    await expectAccessible(w.page, 'the sign-in page');
    await screenshot(w.page, 'sign-in');

    w.expectStatus(401, '/console/session');
    await w.page.getByLabel('E-mail').fill(ADMIN_EMAIL);
    await w.page.getByLabel('Password').fill('not-the-password');
    await w.page.keyboard.press('Enter');
    await expect.poll(() => w.page.getByRole('alert').textContent()).toContain('wrong e-mail or password');

    await w.page.getByLabel('Password').fill(ADMIN_PASSWORD);
    await w.page.keyboard.press('Enter');
    await w.page.getByRole('navigation', { name: 'Main' }).waitFor();
    expect(await w.page.getByText(`Signed in as ${ADMIN_EMAIL}`).count()).toBe(1);

    const cookies = await w.context.cookies();
    const session = cookies.find((c) => c.name === 'kw_console');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/admin/api/v1' });
    // Nothing of the session where a script could read it.
    const stored = (await w.page.evaluate('JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage }, cookie: document.cookie })')) as string;
    expect(stored).not.toContain(session!.value);
    expect(stored).not.toContain('kw_');
    expect(w.problems).toEqual([]);
    await w.context.close();
  }, 60_000);

  it('refuses a change without the CSRF header, accepts it with; signing out ends the session on the server', async () => {
    const w = await h.open();
    await signIn(w, h.server.url);
    const csrf = (await w.page.evaluate(`fetch('/admin/api/v1/console/session').then((r) => r.json())`)) as { csrf_token: string };
    const post = (headers: Record<string, string>) =>
      w.page.evaluate(
        `fetch('/admin/api/v1/spaces/default/scopes', { method: 'POST', headers: ${JSON.stringify({ 'content-type': 'application/json', ...headers })}, body: JSON.stringify({ name: 'csrf-' + Math.random().toString(36).slice(2) }) }).then(async (r) => [r.status, await r.json()])`,
      ) as Promise<[number, { error: string; message: string }]>;
    w.expectStatus(403, '/scopes');
    const [refused, body] = await post({});
    expect(refused).toBe(403);
    expect(body.message).toContain('x-csrf-token');
    const [created] = await post({ 'x-csrf-token': csrf.csrf_token });
    expect(created).toBe(201);

    const cookie = (await w.context.cookies()).find((c) => c.name === 'kw_console')!.value;
    await w.page.getByRole('button', { name: 'Sign out' }).click();
    await w.page.getByRole('heading', { name: 'Sign in to the Keyward console' }).waitFor();
    // The token behind the cookie no longer works anywhere.
    const after = await fetch(`${h.server.url}/admin/api/v1/spaces`, { headers: { authorization: `Bearer ${cookie}` } });
    expect(after.status).toBe(401);
    expect(w.problems).toEqual([]);
    await w.context.close();
  }, 60_000);

  it('passes axe-core on the clients page in light and dark mode', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const w = await h.open({ colorScheme });
      await signIn(w, h.server.url, '/spaces/default/clients');
      await w.page.getByRole('heading', { name: 'Clients' }).waitFor();
      await expectAccessible(w.page, `the clients page (${colorScheme})`);
      await screenshot(w.page, `clients-${colorScheme}`);
      expect(w.problems).toEqual([]);
      await w.context.close();
    }
  }, 60_000);
});
