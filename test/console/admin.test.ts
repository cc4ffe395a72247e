// The console's governance pages in a real browser: admins and roles (created and changed in the console, then
// seen in the audit log with their values before and after), what a weaker role is not offered, every role's own
// API tokens on their account page, spaces created and deleted (a duplicate slug refused on its field), and signing
// keys rotated through their timeline. Every page and dialog passes axe-core in light and dark mode.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, expectAccessible, runBrowserTests, screenshot, signIn, startConsole, type ConsoleHarness, type WatchedPage } from './harness.js';

const MANAGER = 'client-manager@example.com';
const VIEWER = 'viewer@example.com';
const SCHEMES = ['light', 'dark'] as const;

/** Signs in as another admin than the harness's owner. */
async function signInAs(w: WatchedPage, url: string, email: string, at: string): Promise<void> {
  w.expectStatus(401, '/console/session');
  await w.page.goto(`${url}/console${at}`);
  await w.page.getByLabel('E-mail').fill(email);
  await w.page.getByLabel('Password').fill(ADMIN_PASSWORD);
  await w.page.keyboard.press('Enter');
  await w.page.getByRole('navigation', { name: 'Main' }).waitFor();
}

/** Picks an option of a React Aria select (a button that opens a list box) by the select's label. */
async function choose(scope: Page | Locator, page: Page, label: string | RegExp, option: string | RegExp): Promise<void> {
  await scope.getByRole('button', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

const navLinks = async (page: Page) => (await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents()).map((s) => s.trim());

describe.runIf(runBrowserTests)('console: audit log, admins, spaces, signing keys (chromium)', () => {
  let h: ConsoleHarness;
  beforeAll(async () => {
    h = await startConsole();
    await h.server.admin('POST', '/spaces', { slug: 'east', display_name: 'East' });
  }, 60_000);
  afterAll(async () => h?.close());

  it('an owner adds admins with roles and changes a role; the audit log shows the change before and after', async () => {
    const w = await h.open();
    const { page } = w;
    await signIn(w, h.server.url, '/spaces/default/admins');
    await page.getByRole('heading', { name: 'Admins and roles' }).waitFor();
    // Each role explained from the session's permission table.
    await expect.poll(() => page.getByRole('definition').allTextContents()).toContain('May see everything in the space.');
    expect(await page.getByText('May see everything in the space; create, change and delete clients and scopes.').count()).toBe(1);

    // A client manager of the default space, added in the console.
    await page.getByRole('button', { name: 'Add an admin' }).click();
    const create = page.getByRole('dialog', { name: 'Add an admin' });
    await create.getByLabel('E-mail').fill(MANAGER);
    await create.getByLabel('Password').fill('short');
    await expect.poll(() => create.getByText('Password needs at least 12 characters').count()).toBe(1);
    await create.getByLabel('Password').fill(ADMIN_PASSWORD);
    await choose(create, page, /Role$/, 'Client manager');
    await expect.poll(() => create.getByText('create, change and delete clients and scopes', { exact: false }).count()).toBe(1);
    await expectAccessible(page, 'the add-admin dialog');
    await screenshot(page, 'admins-create');
    await create.getByRole('button', { name: 'Add an admin' }).click();
    await page.getByText(`Admin ${MANAGER} added.`).waitFor();

    // A viewer, then promoted to admin and back in the manage dialog.
    await page.getByRole('button', { name: 'Add an admin' }).click();
    await create.getByLabel('E-mail').fill(VIEWER);
    await create.getByLabel('Password').fill(ADMIN_PASSWORD);
    await create.getByRole('button', { name: 'Add an admin' }).click();
    await page.getByText(`Admin ${VIEWER} added.`).waitFor();
    // A duplicate e-mail is refused on its field.
    w.expectStatus(409, '/admins');
    await page.getByRole('button', { name: 'Add an admin' }).click();
    await create.getByLabel('E-mail').fill(VIEWER);
    await create.getByRole('button', { name: 'Add an admin' }).click();
    await expect.poll(() => create.getByText(`an admin with e-mail ${VIEWER} already exists`).count()).toBe(1);
    expect(await create.getByLabel('E-mail').getAttribute('aria-invalid')).toBe('true');
    await create.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('button', { name: `Manage ${VIEWER}` }).click();
    const manage = page.getByRole('dialog', { name: `Admin ${VIEWER}` });
    await choose(manage, page, /Role in default$/, 'Admin');
    await expect.poll(() => page.getByRole('row', { name: new RegExp(VIEWER) }).textContent()).toContain('Admin in default');
    await expectAccessible(page, 'the manage-admin dialog');
    await screenshot(page, 'admins-manage');
    await choose(manage, page, /Role in default$/, 'Viewer');
    await expect.poll(() => page.getByRole('row', { name: new RegExp(VIEWER) }).textContent()).toContain('Viewer in default');
    await manage.getByRole('button', { name: 'Close' }).click();
    await screenshot(page, 'admins-light');

    // The audit log: the grant is there, with the role before and after.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    await page.getByLabel('Event type').fill('admin.role_granted');
    await expect.poll(async () => (await page.getByRole('row').count()) - 1).toBe(2);
    // Newest first: the role back to viewer, then the promotion.
    const promotion = page.getByRole('row').nth(2);
    expect(await promotion.textContent()).toContain('admin.role_granted');
    expect(await promotion.textContent()).toContain('console-admin@example.com');
    await promotion.getByRole('button', { name: /view the changes/ }).click();
    const changes = page.getByRole('dialog', { name: 'Changes: admin.role_granted' });
    const roleRow = changes.getByRole('row', { name: /role/ }).filter({ hasText: 'viewer' });
    expect(await roleRow.getByRole('cell').allTextContents()).toEqual(['viewer', 'admin']);
    expect(await changes.getByRole('columnheader').allTextContents()).toEqual(['Field', 'Before', 'After']);
    await expectAccessible(page, 'the audit entry dialog');
    await screenshot(page, 'audit-changes-light');
    await changes.getByRole('button', { name: 'Close' }).click();

    // Filtering by who changed it and by object, and clearing.
    await page.getByLabel('Event type').fill('');
    await page.getByLabel('Changed by').fill('nobody@example.com');
    await page.getByText('No entry matches these filters.').waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await choose(page, page, /Object$/, 'Admin');
    // Admins created belong to no one space: they show in every space's entries.
    await choose(page, page, /Spaces$/, 'Every space I may see');
    await expect.poll(async () => (await page.getByRole('row').count()) - 1).toBeGreaterThanOrEqual(4);
    const rows = (await page.getByRole('row').allTextContents()).slice(1);
    expect(
      rows.every((r) => /Admin (\S+@\S+|[0-9a-f-]{36})/.test(r)),
      rows.join('\n'),
    ).toBe(true);
    // An owner sees admins by e-mail.
    expect(rows.some((r) => r.includes(`Admin ${VIEWER}`))).toBe(true);
    expect(w.problems).toEqual([]);
    await w.context.close();
  }, 120_000);

  it('passes axe-core on the audit log and admins pages and their dialogs in dark mode', async () => {
    const w = await h.open({ colorScheme: 'dark' });
    const { page } = w;
    await signIn(w, h.server.url, '/spaces/default/audit');
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    await choose(page, page, /Spaces$/, 'Every space I may see');
    await page
      .getByRole('button', { name: /view the changes of admin.created/ })
      .first()
      .waitFor();
    await expectAccessible(page, 'the audit log (dark)');
    await screenshot(page, 'audit-dark');
    await page
      .getByRole('button', { name: /view the changes of admin.created/ })
      .first()
      .click();
    await page.getByRole('dialog', { name: 'Changes: admin.created' }).waitFor();
    await expectAccessible(page, 'the audit entry dialog (dark)');
    await screenshot(page, 'audit-changes-dark');
    await page.keyboard.press('Escape');
    // With the keyboard: Enter on a row opens its changes, Escape closes them and focus goes back.
    const first = page.getByRole('row').nth(1);
    await first.focus();
    await page.keyboard.press('Enter');
    const opened = page.getByRole('dialog', { name: /^Changes: / });
    await opened.waitFor();
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('Close');
    await page.keyboard.press('Escape');
    await opened.waitFor({ state: 'detached' });
    // The row again (React Aria marks each row with its key).
    const rowKey = await first.getAttribute('data-key');
    expect(rowKey).toBeTruthy();
    // React Aria gives focus back on the next animation frame after the dialog leaves: poll for it.
    await expect.poll(() => page.evaluate("document.activeElement?.closest('[role=row]')?.getAttribute('data-key')")).toBe(rowKey);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admins and roles' }).click();
    await page.getByRole('button', { name: `Manage ${MANAGER}` }).waitFor();
    await expectAccessible(page, 'the admins page (dark)');
    await screenshot(page, 'admins-dark');
    await page.getByRole('button', { name: `Manage ${MANAGER}` }).click();
    await page.getByRole('dialog', { name: `Admin ${MANAGER}` }).waitFor();
    await expectAccessible(page, 'the manage-admin dialog (dark)');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Add an admin' }).click();
    await page.getByRole('dialog', { name: 'Add an admin' }).waitFor();
    await expectAccessible(page, 'the add-admin dialog (dark)');
    await page.keyboard.press('Escape');
    expect(w.problems).toEqual([]);
    await w.context.close();
  }, 120_000);

  it("the signed-in admin's API tokens on their account page: created and shown once, listed without the value, revoked", async () => {
    for (const colorScheme of SCHEMES) {
      const w = await h.open({ colorScheme });
      const { page } = w;
      await signIn(w, h.server.url, '/spaces/default/account');
      await page.getByRole('heading', { name: 'Your account' }).waitFor();
      await page.getByRole('term').filter({ hasText: 'Owner in every space' }).waitFor();
      await page.getByRole('button', { name: 'Create a token' }).click();
      const create = page.getByRole('dialog', { name: 'Create an API token' });
      await create.getByLabel('Name').fill(`deploy-${colorScheme}`);
      await expectAccessible(page, `the create-token dialog (${colorScheme})`);
      await create.getByRole('button', { name: 'Create' }).click();
      const shown = page.getByRole('dialog', { name: 'Your new API token' });
      await shown.getByText('it is shown only this once').waitFor();
      const token = (await shown.locator('code').textContent())!;
      expect(token.length).toBeGreaterThan(20);
      await expectAccessible(page, `the token-shown-once dialog (${colorScheme})`);
      await screenshot(page, `admins-token-${colorScheme}`);
      // Escape does not close it: the person says they copied it.
      await page.keyboard.press('Escape');
      expect(await shown.isVisible()).toBe(true);
      await shown.getByRole('button', { name: 'I have copied it' }).click();
      // The token works, and the page never shows its value again.
      expect((await fetch(`${h.server.url}/admin/api/v1/spaces`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
      const row = page.getByRole('row', { name: new RegExp(`deploy-${colorScheme}`) });
      await row.waitFor();
      expect(await page.content()).not.toContain(token);
      await row.getByRole('button', { name: `Revoke token deploy-${colorScheme}` }).click();
      const confirm = page.getByRole('alertdialog', { name: `Revoke the token deploy-${colorScheme}?` });
      await expectAccessible(page, `the revoke-token dialog (${colorScheme})`);
      await confirm.getByRole('button', { name: 'Revoke' }).click();
      await expect.poll(() => row.textContent()).toContain('Revoked');
      expect((await fetch(`${h.server.url}/admin/api/v1/spaces`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
      await expectAccessible(page, `the account page (${colorScheme})`);
      await screenshot(page, `account-${colorScheme}`);
      expect(w.problems).toEqual([]);
      await w.context.close();
    }
  }, 120_000);

  it('a client manager of one space is not offered the audit log, admins, space creation or deletion, or key rotation, but manages their own API tokens; a viewer cannot create', async () => {
    const w = await h.open();
    const { page } = w;
    await signInAs(w, h.server.url, MANAGER, '/spaces/default/clients');
    const links = await navLinks(page);
    expect(links).toContain('Clients');
    expect(links).not.toContain('Audit log');
    expect(links).not.toContain('Admins and roles');
    // A client manager registers clients.
    expect(await page.getByRole('link', { name: 'Register a client' }).count()).toBe(1);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Spaces' }).click();
    await page.getByRole('heading', { name: 'Spaces' }).waitFor();
    await page.getByRole('row', { name: /Default/ }).waitFor();
    expect(await page.getByRole('button', { name: 'Create a space' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Delete / }).count()).toBe(0);
    // Only the spaces where the role is held.
    expect(await page.getByRole('row', { name: /East/ }).count()).toBe(0);
    await expectAccessible(page, 'the spaces page of a client manager');
    await screenshot(page, 'spaces-client-manager');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Signing keys' }).click();
    await page.getByRole('heading', { name: 'Signing keys' }).waitFor();
    expect(await page.getByRole('button', { name: 'Rotate keys' }).count()).toBe(0);

    // Typed addresses of pages the role cannot use say so, without asking the server.
    await page.goto(`${h.server.url}/console/spaces/default/audit`);
    await page.getByText('Your role cannot do this in this space').waitFor();
    await page.goto(`${h.server.url}/console/spaces/default/admins`);
    await page.getByText('Your role cannot do this in this space').waitFor();

    // Their own API tokens are theirs to manage, from the top bar: one made, used, and revoked.
    await page.getByRole('link', { name: 'Your account' }).click();
    await page.getByRole('term').filter({ hasText: 'Client manager in default' }).waitFor();
    await page.getByRole('button', { name: 'Create a token' }).click();
    await page.getByRole('dialog', { name: 'Create an API token' }).getByLabel('Name').fill('manager-cli');
    await page.getByRole('dialog', { name: 'Create an API token' }).getByRole('button', { name: 'Create' }).click();
    const shown = page.getByRole('dialog', { name: 'Your new API token' });
    const token = (await shown.locator('code').textContent())!;
    await shown.getByRole('button', { name: 'I have copied it' }).click();
    const asManager = () => fetch(`${h.server.url}/admin/api/v1/spaces/default/clients`, { headers: { authorization: `Bearer ${token}` } });
    expect((await asManager()).status).toBe(200);
    await page.getByRole('button', { name: 'Revoke token manager-cli' }).click();
    await page.getByRole('alertdialog', { name: 'Revoke the token manager-cli?' }).getByRole('button', { name: 'Revoke' }).click();
    await expect.poll(() => page.getByRole('row', { name: /manager-cli/ }).textContent()).toContain('Revoked');
    expect((await asManager()).status).toBe(401);
    await expectAccessible(page, 'the account page of a client manager');
    expect(w.problems).toEqual([]);
    await w.context.close();

    const v = await h.open();
    await signInAs(v, h.server.url, VIEWER, '/spaces/default/clients');
    await v.page.getByRole('heading', { name: 'Clients' }).waitFor();
    expect(await v.page.getByRole('link', { name: 'Register a client' }).count()).toBe(0);
    expect(await navLinks(v.page)).not.toContain('Audit log');
    await v.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Spaces' }).click();
    await v.page.getByRole('row', { name: /Default/ }).waitFor();
    expect(await v.page.getByRole('button', { name: 'Create a space' }).count()).toBe(0);
    expect(v.problems).toEqual([]);
    await v.context.close();
  }, 120_000);

  it('creates a space (a duplicate slug refused on its field), opens it, and deletes it after typing its slug', async () => {
    for (const colorScheme of SCHEMES) {
      const slug = `west-${colorScheme}`;
      const w = await h.open({ colorScheme });
      const { page } = w;
      await signIn(w, h.server.url, '/spaces/default/spaces');
      await page.getByRole('row', { name: /East/ }).waitFor();
      // The default space cannot be deleted; East can.
      expect(await page.getByRole('button', { name: 'Delete default' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Delete east' }).count()).toBe(1);
      expect(await page.getByRole('row', { name: /East/ }).textContent()).toContain(`${h.server.url}/spaces/east`);
      await expectAccessible(page, `the spaces page (${colorScheme})`);
      await screenshot(page, `spaces-${colorScheme}`);

      await page.getByRole('button', { name: 'Create a space' }).click();
      const create = page.getByRole('dialog', { name: 'Create a space' });
      await create.getByLabel('Slug').fill('West Side');
      await expect.poll(() => create.getByText('Use 1 to 63 lower-case letters').count()).toBe(1);
      // The API refuses a slug in use; its message lands on the field, and what was typed stays.
      w.expectStatus(409, '/spaces');
      await create.getByLabel('Slug').fill('east');
      await create.getByLabel('Display name').fill('Kept name');
      await create.getByRole('button', { name: 'Create' }).click();
      await expect.poll(() => create.getByText('space "east" already exists').count()).toBe(1);
      expect(await create.getByLabel('Slug').getAttribute('aria-invalid')).toBe('true');
      expect(await create.getByLabel('Display name').inputValue()).toBe('Kept name');
      // Defaults are shown as values.
      expect(await create.getByRole('group', { name: 'Default access token lifetime' }).getByLabel('Amount').inputValue()).toBe('8');
      expect(await create.getByRole('group', { name: 'Default refresh token lifetime' }).getByRole('button', { name: /Unit$/ }).textContent()).toContain(
        'Days',
      );
      await expectAccessible(page, `the create-space dialog with an error (${colorScheme})`);
      await screenshot(page, `spaces-create-error-${colorScheme}`);

      await create.getByLabel('Slug').fill(slug);
      await create.getByLabel('Display name').fill(`West ${colorScheme}`);
      await create.getByRole('group', { name: 'Default access token lifetime' }).getByLabel('Amount').fill('2');
      await create.getByRole('button', { name: 'Create' }).click();
      await page.getByText(`Space West ${colorScheme} created.`).waitFor();
      const row = page.getByRole('row', { name: new RegExp(`West ${colorScheme}`) });
      expect(await row.textContent()).toContain('2 hours');
      expect(await row.textContent()).toContain('30 days');
      expect((await h.server.admin('GET', `/spaces/${slug}`)).access_token_ttl).toBe(7200);

      // Choosing a space switches to it.
      await row.getByRole('link', { name: `West ${colorScheme}` }).click();
      await page.waitForURL(`**/console/spaces/${slug}`);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Spaces' }).click();

      await page.getByRole('button', { name: `Delete ${slug}` }).click();
      const del = page.getByRole('alertdialog', { name: `Delete the space West ${colorScheme}?` });
      expect(await del.textContent()).toContain('clients and their secrets');
      const confirm = del.getByRole('button', { name: 'Delete this space' });
      expect(await confirm.isDisabled()).toBe(true);
      await del.getByLabel(`Type the slug ${slug} to confirm`).fill('west');
      expect(await confirm.isDisabled()).toBe(true);
      await del.getByLabel(`Type the slug ${slug} to confirm`).fill(slug);
      await expectAccessible(page, `the delete-space dialog (${colorScheme})`);
      await screenshot(page, `spaces-delete-${colorScheme}`);
      await confirm.click();
      await page.getByText(`Space ${slug} deleted.`).waitFor();
      // It was the space in the address: the page stays, in the default space.
      await page.waitForURL('**/console/spaces/default/spaces');
      await expect.poll(() => page.getByRole('row', { name: new RegExp(`West ${colorScheme}`) }).count()).toBe(0);
      await expect(h.server.admin('GET', `/spaces/${slug}`)).rejects.toThrow();
      expect(w.problems).toEqual([]);
      await w.context.close();
    }
  }, 120_000);

  it('rotates the signing keys (once to another algorithm): the new key is published, then signs while the old one retires', async () => {
    await h.server.admin('POST', '/spaces/east/keys/rotate', { publish_seconds: 0 });
    const before: { kid: string; alg: string }[] = (await h.server.admin('GET', '/spaces/east/keys')).items;
    let published = '';
    for (const colorScheme of SCHEMES) {
      const w = await h.open({ colorScheme });
      const { page } = w;
      await signIn(w, h.server.url, '/spaces/east/keys');
      await page.getByRole('heading', { name: 'Signing keys' }).waitFor();
      await page.getByRole('table', { name: 'Signing keys of this space, newest first' }).waitFor();
      await expectAccessible(page, `the signing keys page (${colorScheme})`);
      await screenshot(page, `keys-${colorScheme}`);
      await page.getByRole('button', { name: 'Rotate keys' }).click();
      const dialog = page.getByRole('alertdialog', { name: 'Rotate the signing keys of east?' });
      expect(await dialog.textContent()).toContain('published in the JWKS at once');
      expect(await dialog.textContent()).toContain('keep verifying the tokens they signed');
      // The algorithm: the space's own (ES256, the default) unless another is chosen.
      const algs = dialog.getByRole('radiogroup', { name: 'Algorithm of access tokens' });
      expect(await algs.getByRole('radio', { name: /^ES256/ }).isChecked()).toBe(true);
      expect(await algs.getByRole('radio').count()).toBe(3);
      await expectAccessible(page, `the rotate dialog (${colorScheme})`);
      await screenshot(page, `keys-rotate-${colorScheme}`);
      if (colorScheme === 'light') {
        // After the publication period: the new key is published, the current one signs until then.
        await dialog.getByRole('button', { name: 'Rotate keys' }).click();
        const notice = page.getByText(/New key .* published; it signs from/);
        published = /New key (\S+) published/.exec((await notice.textContent())!)![1]!;
        const newest = page.getByRole('row').nth(1);
        expect(await newest.textContent()).toContain(published);
        expect(await newest.textContent()).toContain('Published');
        await expect.poll(() => page.getByRole('row', { name: new RegExp(before[0]!.kid) }).textContent()).toContain('Signing, retiring');
      } else {
        // Immediately, and to EdDSA: the space's access tokens switch algorithm, the other chains rotate too.
        await algs.getByRole('radio', { name: /^EdDSA/ }).check({ force: true });
        await dialog.getByText('Access tokens switch from ES256 to EdDSA').waitFor();
        await choose(dialog, page, /Start signing with the new keys$/, 'Immediately');
        await dialog.getByText('Applications that cache the JWKS may fail').waitFor();
        await dialog.getByRole('button', { name: 'Rotate keys' }).click();
        await page.getByText(/New key .* published; it signs from/).waitFor();
        expect((await h.server.admin('GET', '/spaces/east')).settings.signing_alg).toBe('EdDSA');
        const keys: { kid: string; alg: string; state: string }[] = (await h.server.admin('GET', '/spaces/east/keys')).items;
        const signing = keys.filter((k) => k.state === 'active');
        expect(signing.map((k) => k.alg).sort()).toEqual(['ES256', 'EdDSA', 'RS256']);
        for (const k of signing)
          expect(
            await page
              .getByRole('row', { name: new RegExp(k.kid) })
              .getByText('Signing', { exact: true })
              .count(),
          ).toBe(1);
        for (const k of before)
          expect(
            await page
              .getByRole('row', { name: new RegExp(k.kid) })
              .getByText('Retiring', { exact: true })
              .count(),
          ).toBe(1);
        // The timeline says where each key is.
        const old = page.getByRole('row', { name: new RegExp(before[0]!.kid) });
        expect(await old.getByRole('listitem').allTextContents()).toEqual([
          expect.stringContaining('Published (done)'),
          expect.stringContaining('Signs from (done)'),
          expect.stringContaining('Stops signing (now)'),
          expect.stringContaining('Leaves the JWKS (upcoming)'),
        ]);
        // The key published by the first rotation never got its turn.
        const withdrawn = page.getByRole('row', { name: new RegExp(published) });
        expect(await withdrawn.textContent()).toContain('Withdrawn');
        expect(await withdrawn.textContent()).toContain('Never (replaced before its turn)');
        expect(await withdrawn.getByRole('listitem').nth(1).textContent()).toContain('Signs from (skipped)');
        await expectAccessible(page, `the signing keys page after rotating (${colorScheme})`);
        await screenshot(page, `keys-rotated-${colorScheme}`);
      }
      expect(w.problems).toEqual([]);
      await w.context.close();
    }
  }, 120_000);
});
