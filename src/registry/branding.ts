// Per-space branding of the pages people sign in on (issue 12 point 7): a logo and an accent colour for light and for
// dark pages, kept in the space's settings beside the display name. Checked here so a brand can never make those
// pages unreadable or unsafe:
// - an accent colour is a #rrggbb colour with at least 4.5:1 contrast (WCAG AA for text) where it is used: in light,
//   as button background under white text and as link colour on the white card; in dark, as link colour on the dark
//   card and as button background under near-black text. A colour that falls short is refused (never silently
//   changed: the admin chose it), and the 400 names the field, the measured ratio and the nearest colour that passes.
// - a logo is an https URL, or a small uploaded image inlined as a data: URL (PNG, JPEG, GIF, WebP or SVG, at most
//   LOGO_MAX_BYTES once decoded, its bytes matching its type). Inlined, it needs no request to another host and the
//   pages' CSP allows only `data:` besides https images; an SVG inside <img> runs no script and loads nothing.
import { invalid } from '../errors.js';
import { PAGE_COLOURS, type PageBrand } from '../html-page.js';
export const MIN_CONTRAST = 4.5;
export const LOGO_MAX_BYTES = 32 * 1024;
export const LOGO_URL_MAX = 2000;
const HEX = /^#[0-9a-f]{6}$/;
const TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/svg+xml'] as const;

const channel = (v: number) => {
  const c = v / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};
const rgbOf = (hex: string): [number, number, number] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
const luminance = (hex: string) => {
  const [r, g, b] = rgbOf(hex).map(channel) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
/** WCAG 2 contrast ratio of two #rrggbb colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
}

/** The lowest contrast an accent colour has where a page of that scheme uses it. */
export function accentContrast(hex: string, scheme: 'light' | 'dark'): number {
  return scheme === 'light'
    ? contrast(hex, PAGE_COLOURS.lightCard)
    : Math.min(contrast(hex, PAGE_COLOURS.darkCard), contrast(hex, PAGE_COLOURS.darkButtonText));
}

const toHex = (rgb: number[]) =>
  `#${rgb
    .map((v) =>
      Math.round(Math.max(0, Math.min(255, v)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;

/** The nearest colour of the same hue that passes: darkened towards black (light pages) or lightened towards white (dark). */
export function nearestPassing(hex: string, scheme: 'light' | 'dark'): string {
  const rgb = rgbOf(hex);
  const target = scheme === 'light' ? 0 : 255;
  for (let step = 1; step <= 100; step++) {
    const candidate = toHex(rgb.map((v) => v + ((target - v) * step) / 100));
    if (accentContrast(candidate, scheme) >= MIN_CONTRAST) return candidate;
  }
  return scheme === 'light' ? '#000000' : '#ffffff';
}

/** Checks an accent colour setting (null = Keyward's own); returns it in lower case. */
export function checkAccent(field: string, value: unknown, scheme: 'light' | 'dark'): string | null {
  if (value === null) return null;
  const hex = typeof value === 'string' ? value.trim().toLowerCase() : '';
  if (!HEX.test(hex)) throw invalid(field, `${field} must be a colour written #rrggbb (e.g. #2457c5), or null for the default`);
  const ratio = accentContrast(hex, scheme);
  if (ratio < MIN_CONTRAST) {
    const where = scheme === 'light' ? 'with white (button text and the page card)' : 'with the dark page card and the dark button text';
    throw invalid(
      field,
      `${field} ${hex} is refused, not adjusted: its contrast ${where} is ${ratio.toFixed(2)}:1, below the ${MIN_CONTRAST}:1 that keeps buttons and links readable (WCAG AA); the nearest colour that passes is ${nearestPassing(hex, scheme)}`,
    );
  }
  return hex;
}

/** The first bytes each raster type starts with (SVG is text, checked apart). */
const MAGIC: Record<string, (b: Buffer) => boolean> = {
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/gif': (b) => b.subarray(0, 4).toString('latin1') === 'GIF8',
  'image/webp': (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  'image/svg+xml': (b) => /<svg[\s>]/i.test(b.subarray(0, 4096).toString('utf8')),
};

/** Checks a logo setting: an https URL or a small image as a data: URL (null = none); returns it. */
export function checkLogo(field: string, value: unknown): string | null {
  if (value === null) return null;
  if (typeof value !== 'string' || !value.trim()) throw invalid(field, `${field} must be an https URL or a data: URL of an image, or null for none`);
  const v = value.trim();
  if (v.startsWith('data:')) {
    const m = /^data:([a-z+/]+);base64,([A-Za-z0-9+/]+={0,2})$/.exec(v);
    if (!m || !(TYPES as readonly string[]).includes(m[1]!)) {
      throw invalid(field, `${field} must be a base64 data: URL of a PNG, JPEG, GIF, WebP or SVG image (data:image/png;base64,…)`);
    }
    const bytes = Buffer.from(m[2]!, 'base64');
    if (bytes.length > LOGO_MAX_BYTES)
      throw invalid(field, `${field} is ${Math.ceil(bytes.length / 1024)} KiB; an uploaded logo may be at most ${LOGO_MAX_BYTES / 1024} KiB`);
    if (!MAGIC[m[1]!]!(bytes)) throw invalid(field, `${field} says ${m[1]} but its bytes are not such an image`);
    return v;
  }
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    throw invalid(field, `${field} must be an https URL or a data: URL of an image`);
  }
  if (url.protocol !== 'https:') throw invalid(field, `${field} must use https (the sign-in pages are served over https and allow only https images)`);
  if (v.length > LOGO_URL_MAX) throw invalid(field, `${field} must be at most ${LOGO_URL_MAX} characters`);
  return url.toString();
}

/** A space's brand for the pages (html-page.ts `page()`), from its display name and settings. */
export const brandOf = (
  displayName: string,
  s: { brand_logo_uri: string | null; brand_accent_light: string | null; brand_accent_dark: string | null },
): PageBrand => ({ name: displayName, logo: s.brand_logo_uri, accentLight: s.brand_accent_light, accentDark: s.brand_accent_dark });
