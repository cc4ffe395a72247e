// Token lifetimes a provider does not report (seed 001: "Access Token Expires In", Exact Online's in milliseconds).
// The API keeps both in one unit, `expires_in_unit` (s or ms); the form lets each be written in the unit a person
// thinks in (the provider's documentation says "90 days", Exact Online says 7775999999 ms) and converts on save.

export const LIFETIME_UNITS = ['ms', 's', 'min', 'h', 'd'] as const;
export type LifetimeUnit = (typeof LIFETIME_UNITS)[number];

const MS: Record<LifetimeUnit, number> = { ms: 1, s: 1000, min: 60_000, h: 3_600_000, d: 86_400_000 };

/** A lifetime as typed: a whole number (as text, "" for none) and its unit. */
export interface LifetimeInput {
  value: string;
  unit: LifetimeUnit;
}

/** How a stored lifetime is shown: milliseconds as they were given, seconds in the largest unit that divides them. */
export function lifetimeFromApi(value: number | null, unit: 's' | 'ms'): LifetimeInput {
  if (value === null) return { value: '', unit: unit === 'ms' ? 'ms' : 's' };
  if (unit === 'ms') return { value: String(value), unit: 'ms' };
  for (const u of ['d', 'h', 'min'] as const) if ((value * 1000) % MS[u] === 0) return { value: String((value * 1000) / MS[u]), unit: u };
  return { value: String(value), unit: 's' };
}

/** The API's three fields from the two lifetimes: milliseconds if either is written in them, else seconds. */
export function lifetimesToApi(
  access: LifetimeInput,
  refresh: LifetimeInput,
): { access_token_expires_in: number | null; refresh_token_expires_in: number | null; expires_in_unit: 's' | 'ms' } {
  const inMs = access.unit === 'ms' || refresh.unit === 'ms';
  const convert = (l: LifetimeInput) => (l.value.trim() === '' ? null : (Number(l.value) * MS[l.unit]) / (inMs ? 1 : 1000));
  return { access_token_expires_in: convert(access), refresh_token_expires_in: convert(refresh), expires_in_unit: inMs ? 'ms' : 's' };
}

/** The lifetime in seconds (for showing it as "90 days"), or null when none is typed or it is not a whole number. */
export function lifetimeSeconds(l: LifetimeInput): number | null {
  if (!/^[1-9][0-9]*$/.test(l.value.trim())) return null;
  const ms = Number(l.value) * MS[l.unit];
  return ms % 1000 === 0 ? ms / 1000 : null;
}

/** The API accepts at most 10 years. */
export const MAX_LIFETIME_MS = 10 * 365 * 86_400_000;
export const lifetimeMs = (l: LifetimeInput) => Number(l.value) * MS[l.unit];
