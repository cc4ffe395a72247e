// Between the API's space and the form: every field is text while typed (numbers included, so a half-typed value
// is never lost), and a save sends only what changed.
import type { components } from '../../api/schema';
import type { BrandLook } from './BrandPreview';
import { accentContrast, HEX, INT_LIMITS, MIN_CONTRAST, type IntSetting } from './setting-rules';

export type SpaceView = components['schemas']['Space'];
type Settings = SpaceView['settings'];

export type SettingsForm = {
  display_name: string;
  access_token_ttl: string;
  refresh_token_ttl: string;
  require_pkce: boolean;
  allow_plain_pkce: boolean;
  require_par: boolean;
  signing_alg: string;
  registration: string;
  brand_logo_uri: string;
  brand_accent_light: string;
  brand_accent_dark: string;
} & Record<IntSetting, string>;

const INTS = Object.keys(INT_LIMITS) as IntSetting[];
const BOOLS = ['require_pkce', 'allow_plain_pkce', 'require_par'] as const;
const BRAND = ['brand_logo_uri', 'brand_accent_light', 'brand_accent_dark'] as const;

export function formOf(s: SpaceView): SettingsForm {
  return {
    display_name: s.display_name,
    access_token_ttl: String(s.access_token_ttl),
    refresh_token_ttl: String(s.refresh_token_ttl),
    ...(Object.fromEntries(INTS.map((k) => [k, String(s.settings[k])])) as Record<IntSetting, string>),
    require_pkce: s.settings.require_pkce,
    allow_plain_pkce: s.settings.allow_plain_pkce,
    require_par: s.settings.require_par,
    signing_alg: s.settings.signing_alg,
    registration: s.settings.registration,
    brand_logo_uri: s.settings.brand_logo_uri ?? '',
    brand_accent_light: s.settings.brand_accent_light ?? '',
    brand_accent_dark: s.settings.brand_accent_dark ?? '',
  };
}

/** The PATCH body: the fields and settings whose value differs from the space as loaded ('' = null for brand ones). */
export function patchOf(s: SpaceView, f: SettingsForm) {
  const settings: Record<string, unknown> = {};
  for (const k of INTS) if (Number(f[k]) !== s.settings[k]) settings[k] = Number(f[k]);
  for (const k of BOOLS) if (f[k] !== s.settings[k]) settings[k] = f[k];
  if (f.signing_alg !== s.settings.signing_alg) settings.signing_alg = f.signing_alg;
  if (f.registration !== s.settings.registration) settings.registration = f.registration;
  for (const k of BRAND) {
    const v = f[k].trim() || null;
    if (v !== (s.settings as Settings)[k]) settings[k] = v;
  }
  return {
    ...(f.display_name.trim() !== s.display_name ? { display_name: f.display_name.trim() } : {}),
    ...(Number(f.access_token_ttl) !== s.access_token_ttl ? { access_token_ttl: Number(f.access_token_ttl) } : {}),
    ...(Number(f.refresh_token_ttl) !== s.refresh_token_ttl ? { refresh_token_ttl: Number(f.refresh_token_ttl) } : {}),
    ...(Object.keys(settings).length ? { settings } : {}),
  };
}

/** A typed colour the pages would accept, else null (the preview keeps the default then; the field says why). */
export function usableAccent(v: string | undefined, scheme: 'light' | 'dark'): string | null {
  const hex = (v ?? '').trim().toLowerCase();
  return HEX.test(hex) && accentContrast(hex, scheme) >= MIN_CONTRAST ? hex : null;
}

/** What the preview draws from the form as typed now. */
export function previewLook(f: Partial<SettingsForm>): BrandLook {
  const logo = (f.brand_logo_uri ?? '').trim();
  return {
    name: (f.display_name ?? '').trim(),
    logo: logo.startsWith('data:image/') || logo.startsWith('https://') ? logo : null,
    accentLight: usableAccent(f.brand_accent_light, 'light'),
    accentDark: usableAccent(f.brand_accent_dark, 'dark'),
  };
}
