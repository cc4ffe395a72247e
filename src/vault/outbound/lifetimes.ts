// Lifetimes in token answers: seconds (RFC 6749), milliseconds, or absolute dates, as numbers or as strings of digits
// (Exact Online's "600"). A value that cannot be a lifetime (negative, zero, not a number, a date already past, more
// than ten years away) is treated as absent, so the caller falls back to the override or the catalog's assumed
// lifetime instead of trusting it; the reason is kept as a note.
import type { LifetimeFormat } from '../catalog/types.js';

const TEN_YEARS_MS = 10 * 365.25 * 24 * 3600 * 1000;
const DIGITS = /^\s*\d+(\.\d+)?\s*$/;
/** Epoch numbers above this are milliseconds: as seconds they would be past the year 33000. */
const EPOCH_MS_FLOOR = 1e12;

export type LifetimeReading = { kind: 'absent' } | { kind: 'at'; at: Date } | { kind: 'nonsense'; note: string };

function asNumber(raw: unknown): number | undefined {
  if (typeof raw === 'number') return raw;
  if (typeof raw === 'string' && DIGITS.test(raw)) return Number(raw);
  return undefined;
}

export function readLifetime(raw: unknown, format: LifetimeFormat, now: Date, name: string): LifetimeReading {
  if (raw === undefined || raw === null || raw === '') return { kind: 'absent' };
  let at: number;
  if (format === 'date') {
    const epoch = asNumber(raw);
    if (epoch !== undefined) at = epoch > EPOCH_MS_FLOOR ? epoch : epoch * 1000;
    else if (typeof raw === 'string') at = Date.parse(raw);
    else return { kind: 'nonsense', note: `${name} is not a date; ignored` };
    if (!Number.isFinite(at)) return { kind: 'nonsense', note: `${name} is not a date; ignored` };
    if (at <= now.getTime()) return { kind: 'nonsense', note: `${name} is a date already past; ignored` };
  } else {
    const amount = asNumber(raw);
    if (amount === undefined || !Number.isFinite(amount)) return { kind: 'nonsense', note: `${name} is not a number; ignored` };
    if (amount <= 0) return { kind: 'nonsense', note: `${name} is not positive; ignored` };
    at = now.getTime() + (format === 'milliseconds' ? amount : amount * 1000);
  }
  if (at - now.getTime() > TEN_YEARS_MS) return { kind: 'nonsense', note: `${name} is more than ten years away; ignored` };
  return { kind: 'at', at: new Date(Math.round(at)) };
}

/** A positive, finite duration in milliseconds, or undefined (overrides and catalog values are checked the same way). */
export function usableMs(ms: number | undefined): number | undefined {
  return ms !== undefined && Number.isFinite(ms) && ms > 0 && ms <= TEN_YEARS_MS ? ms : undefined;
}
