// The rules of a space's settings as the server checks them (src/registry/space-settings.ts INT_LIMITS and
// src/registry/branding.ts), so the form refuses as you type what the API would refuse. The settings are one JSON
// object in the API (its schema cannot carry per-key rules without changing the server's messages), so they are
// repeated here; test/web/setting-rules.test.ts fails when the two differ. The API's 400 stays the final word.

/** Whole-number settings: [min, max]. */
export const INT_LIMITS = {
  key_rotation_days: [0, 3650],
  key_publish_seconds: [0, 7 * 86400],
  login_failure_limit: [0, 1000],
  login_lockout_seconds: [60, 86400],
  id_token_ttl: [60, 86400],
  authorization_code_ttl: [10, 600],
  session_ttl: [60, 90 * 86400],
  device_code_ttl: [60, 3600],
  refresh_reuse_grace_seconds: [0, 60],
} as const;
export type IntSetting = keyof typeof INT_LIMITS;

/** The space's own token lifetimes (not settings, fields of the space): 1 s to 10 years. */
export const TTL_LIMITS = [1, 10 * 365 * 24 * 3600] as const;

export const SIGNING_ALGS = ['ES256', 'RS256', 'EdDSA'] as const;
export const REGISTRATION_MODES = ['closed', 'open', 'token'] as const;

/** The pages' own colours (src/html-page.ts PAGE_COLOURS): what a brand colour is measured against. */
export const PAGE_COLOURS = { lightCard: '#ffffff', lightAccent: '#2457c5', darkCard: '#1f2328', darkAccent: '#8ab4f8', darkButtonText: '#111418' } as const;
export const MIN_CONTRAST = 4.5;
export const LOGO_MAX_BYTES = 32 * 1024;
export const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/svg+xml'] as const;
export const HEX = /^#[0-9a-fA-F]{6}$/;

const channel = (v: number) => {
  const c = v / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};
const luminance = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => channel(parseInt(hex.slice(i, i + 2), 16))) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
/** WCAG 2 contrast ratio of two #rrggbb colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
}

/** The lowest contrast an accent colour has where a page of that scheme uses it (as the server measures it). */
export function accentContrast(hex: string, scheme: 'light' | 'dark'): number {
  return scheme === 'light'
    ? contrast(hex, PAGE_COLOURS.lightCard)
    : Math.min(contrast(hex, PAGE_COLOURS.darkCard), contrast(hex, PAGE_COLOURS.darkButtonText));
}

/** The nearest colour of the same hue that passes: darker for light pages, lighter for dark ones. */
export function nearestPassing(hex: string, scheme: 'light' | 'dark'): string {
  const rgb = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const target = scheme === 'light' ? 0 : 255;
  for (let step = 1; step <= 100; step++) {
    const candidate = `#${rgb
      .map((v) =>
        Math.round(Math.max(0, Math.min(255, v + ((target - v) * step) / 100)))
          .toString(16)
          .padStart(2, '0'),
      )
      .join('')}`;
    if (accentContrast(candidate, scheme) >= MIN_CONTRAST) return candidate;
  }
  return scheme === 'light' ? '#000000' : '#ffffff';
}
