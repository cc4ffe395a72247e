// The console's copy of the space settings' rules (web/src/pages/settings/setting-rules.ts) must be the server's:
// the form refuses as you type exactly what PATCH /spaces/{space} would refuse. This fails when one side changes.
import { describe, expect, it } from 'vitest';
import { PAGE_COLOURS as SERVER_PAGE } from '../../src/html-page.js';
import { accentContrast, LOGO_MAX_BYTES, MIN_CONTRAST, nearestPassing } from '../../src/registry/branding.js';
import { SIGNING_ALGS } from '../../src/registry/capabilities.js';
import { DEFAULT_SETTINGS, ENUMS, INT_LIMITS } from '../../src/registry/space-settings.js';
import { MAX_TTL } from '../../src/registry/spaces.js';
import * as web from '../../web/src/pages/settings/setting-rules.js';

describe("the console's settings rules", () => {
  it('are the server’s limits, choices and page colours', () => {
    expect(web.INT_LIMITS).toEqual(INT_LIMITS);
    expect(web.TTL_LIMITS).toEqual([1, MAX_TTL]);
    expect([...web.SIGNING_ALGS]).toEqual([...SIGNING_ALGS]);
    expect([...web.REGISTRATION_MODES]).toEqual(ENUMS.registration);
    expect(web.PAGE_COLOURS).toEqual(SERVER_PAGE);
    expect([web.MIN_CONTRAST, web.LOGO_MAX_BYTES]).toEqual([MIN_CONTRAST, LOGO_MAX_BYTES]);
    // Every whole-number setting of the server has its rule in the console.
    const ints = Object.entries(DEFAULT_SETTINGS)
      .filter(([, v]) => typeof v === 'number')
      .map(([k]) => k);
    expect(Object.keys(web.INT_LIMITS).sort()).toEqual(ints.sort());
  });

  it('measure contrast and suggest colours as the server does', () => {
    for (const hex of ['#ffcc00', '#2457c5', '#1a237e', '#7cc4ff', '#00ff00', '#777777', '#000000', '#ffffff']) {
      for (const scheme of ['light', 'dark'] as const) {
        expect(web.accentContrast(hex, scheme), `${hex} ${scheme}`).toBeCloseTo(accentContrast(hex, scheme), 10);
        expect(web.nearestPassing(hex, scheme), `${hex} ${scheme}`).toBe(nearestPassing(hex, scheme));
      }
    }
  });
});
