// Debian's chromium driven through playwright-core: whether it is there, and how the e2e tests start it.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
const CI = !!process.env.CI && process.env.CI !== 'false';
const available = existsSync(CHROMIUM);
/** Run the browser tests when chromium is installed, and always under CI (where a missing one must fail). */
export const runBrowserTests = available || CI;
if (!available && !CI) process.stderr.write(`NOTICE: ${CHROMIUM} is missing: the browser tests are skipped (install Debian's chromium to run them).\n`);

export async function launchChromium(): Promise<Browser> {
  if (!available) throw new Error(`${CHROMIUM} is required under CI (apt-get install chromium)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * What makes a page look the way it does, to compare pages in the browser: per name, the computed values of the
 * properties of the first element the selector matches (undefined when none does).
 */
export function computedLooks<K extends string>(
  page: Page,
  wanted: Record<K, [selector: string, ...properties: string[]]>,
): Promise<Record<K, (string | undefined)[]>> {
  // A string, not a function: the tests are compiled without the DOM's types.
  return page.evaluate(`Object.fromEntries(Object.entries(${JSON.stringify(wanted)}).map(([name, [selector, ...properties]]) => {
    const el = document.querySelector(selector);
    const style = el ? getComputedStyle(el) : undefined;
    return [name, properties.map((p) => style?.getPropertyValue(p))];
  }))`);
}
