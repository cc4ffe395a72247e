// The console's messages live in catalogues (en.ts; a translation is a file of the same keys, checked by the type).
// `t('clients.title')` or `t('clients.count', { n: 3 })`: {name} placeholders are filled from the values.
import { en, type Messages } from './en';

const catalogues: Record<string, Messages> = { en };

function pick(): Messages {
  for (const tag of navigator.languages ?? [navigator.language]) {
    const c = catalogues[tag.toLowerCase().split('-')[0] ?? ''];
    if (c) return c;
  }
  return en;
}
const messages = pick();
export const locale = Object.entries(catalogues).find(([, c]) => c === messages)?.[0] ?? 'en';

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
export type MessageKey = Leaves<Messages>;

export function t(key: MessageKey, values?: Record<string, string | number>): string {
  let node: unknown = messages;
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  const text = typeof node === 'string' ? node : key;
  return values ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in values ? String(values[name]) : m)) : text;
}

const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });

/** "12 Dec 2026, 10:30" for an RFC 3339 string; the value passed for null. */
export const formatDate = (iso: string | null | undefined, none = '—') => (iso ? dateTime.format(new Date(iso)) : none);

/** "in 3 hours", "5 minutes ago". */
export function formatRelative(iso: string, now = Date.now()): string {
  const s = (new Date(iso).getTime() - now) / 1000;
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['year', 31_536_000],
    ['month', 2_592_000],
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ];
  for (const [unit, size] of units) if (Math.abs(s) >= size) return relative.format(Math.round(s / size), unit);
  return relative.format(Math.round(s), 'second');
}

/** Seconds as people say them: "8 hours", "30 days", "90 minutes". */
export function formatDuration(seconds: number): string {
  const fmt = (n: number, unit: string) => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(n);
  if (seconds % 86_400 === 0) return fmt(seconds / 86_400, 'day');
  if (seconds % 3_600 === 0) return fmt(seconds / 3_600, 'hour');
  if (seconds % 60 === 0) return fmt(seconds / 60, 'minute');
  return fmt(seconds, 'second');
}
