// Steps that several console tests take the same way: moving with Tab as a person does, reading the clipboard after
// a copy button, finding a dialog by its title, and going through oidc-provider's sign-in and consent pages.
import type { BrowserContext, Page } from 'playwright-core';

/** The accessible name of the focused element (aria-labelledby, aria-label, its label, or its text). */
export const focusedName = (page: Page) =>
  page.evaluate(`(() => {
    const el = document.activeElement;
    if (!el) return '';
    const by = el.getAttribute('aria-labelledby');
    const named = by
      ? by.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ')
      : (el.getAttribute('aria-label') ?? el.labels?.[0]?.textContent ?? el.textContent ?? '');
    return named.trim();
  })()`) as Promise<string>;

/** Presses Tab until the focused element's name matches (a person tabbing through the page). */
export async function tabTo(page: Page, name: string | RegExp, max = 120): Promise<void> {
  const matches = (s: string) => (typeof name === 'string' ? s === name : name.test(s));
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (matches(await focusedName(page))) return;
  }
  throw new Error(`Tab never reached ${String(name)}`);
}

/**
 * Presses ArrowDown in an open list (a select's, a combo box's) until the option named `name` is the focused one,
 * looking before each press: a fixed number of presses raced the list's own first focus on a loaded machine.
 */
export async function arrowToOption(page: Page, name: string, max = 30): Promise<void> {
  const target = page.getByRole('option', { name, exact: true });
  await target.waitFor();
  for (let i = 0; i < max; i++) {
    if ((await target.getAttribute('data-focused')) === 'true') return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`ArrowDown never reached the option ${name}`);
}

/** What a copy button put on the clipboard (the harness grants the permission). */
export const clipboard = (page: Page) => page.evaluate('navigator.clipboard.readText()') as Promise<string>;

/** A dialog by its title, whether a plain dialog or an alert dialog (one that must be answered). */
export const dialog = (page: Page, name: string | RegExp) => page.getByRole('dialog', { name }).or(page.getByRole('alertdialog', { name }));

/** oidc-provider's pages import a web font from the internet: requests stay on this machine. */
export const onlyThisMachine = (context: BrowserContext) =>
  context.route('**/*', (route) => {
    const host = new URL(route.request().url()).hostname;
    return host === '127.0.0.1' || host === 'localhost' ? route.continue() : route.abort();
  });

/**
 * In the tab that a "Continue to the provider" link opened: oidc-provider's development sign-in (any login name
 * passes) and its consent, after which the provider sends the browser back to Keyward's callback page.
 */
export async function consentAtOidcPeer(tab: Page, peerIssuer: string): Promise<void> {
  await tab.waitForURL(`${peerIssuer}/**`);
  await tab.locator('input[name="login"]').fill('alice');
  await tab.locator('input[name="password"]').fill('anything');
  await tab.getByRole('button', { name: 'Sign-in' }).click();
  await tab.getByRole('button', { name: 'Continue' }).click();
  await tab.getByRole('heading', { name: 'Connection made' }).waitFor();
}
