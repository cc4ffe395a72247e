// Printing and option parsing shared by the admin commands. With --json a command prints exactly one JSON
// document on stdout (scripts parse it); otherwise text for people.
import { readFileSync } from 'node:fs';
import { InvalidArgumentError } from 'commander';
import { CliError } from './api.js';

export const out = (line = ''): void => void process.stdout.write(line + '\n');
export const printJson = (value: unknown): void => out(JSON.stringify(value, null, 2));

type Row = Record<string, unknown>;
export type Column<T> = [header: string, value: (row: T) => unknown];

export function cell(v: unknown): string {
  if (v === null || v === undefined || v === '') return '-';
  if (Array.isArray(v)) return v.length ? v.map(cell).join(', ') : '-';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** A plain text table; long cells are not cut, so nothing is hidden from the reader. */
export function table<T>(rows: T[], columns: Column<T>[], empty = 'nothing found'): void {
  if (rows.length === 0) {
    out(`(${empty})`);
    return;
  }
  const cells = rows.map((r) => columns.map(([, get]) => cell(get(r))));
  const widths = columns.map(([h], i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((s, i) => (i === c.length - 1 ? s : s.padEnd(widths[i]!))).join('  ');
  out(line(columns.map(([h]) => h.toUpperCase())));
  for (const c of cells) out(line(c));
}

/** A record as `key: value` lines, in the API's field order. */
export function details(record: Row, skip: string[] = []): void {
  const keys = Object.keys(record).filter((k) => !skip.includes(k));
  const width = Math.max(...keys.map((k) => k.length));
  for (const k of keys) out(`${(k + ':').padEnd(width + 2)}${cell(record[k])}`);
}

/** Prints a listing: { items } with --json (every page already fetched), else a table. */
export function printList<T>(json: boolean, items: T[], columns: Column<T>[], empty?: string): void {
  if (json) printJson({ items });
  else table(items, columns, empty);
}

/** A secret shown once, set apart so it is not missed, with the reason it must be stored now. */
export function printSecret(label: string, value: string, howToReplace: string): void {
  out();
  out(`  ${label}: ${value}`);
  out();
  out(`WARNING: the ${label} is shown only this once and cannot be retrieved later. Store it now (${howToReplace}).`);
}

// --- option parsers (commander calls them with the value and the previous value) ---

export const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

export function integer(value: string): number {
  if (!/^-?\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number.');
  return Number(value);
}

const UNIT_SECONDS = { w: 604_800, d: 86_400, h: 3_600, m: 60, s: 1 } as const;

/** A duration as people write it: "8h", "30d", "90m", "1h30m", or plain seconds ("3600"). */
export function duration(value: string): number {
  if (/^\d+$/.test(value)) return Number(value);
  if (!/^(\d+[wdhms])+$/.test(value)) throw new InvalidArgumentError('expected a duration such as 90m, 8h or 30d (units w, d, h, m, s), or seconds.');
  let total = 0;
  for (const [, n, unit] of value.matchAll(/(\d+)([wdhms])/g)) total += Number(n) * UNIT_SECONDS[unit as keyof typeof UNIT_SECONDS];
  return total;
}

/** Seconds shown in the largest unit that divides them: 28800 → "8h", 2592000 → "30d", 5400 → "90m". */
export function showDuration(seconds: unknown): unknown {
  if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds <= 0) return seconds;
  for (const unit of ['d', 'h', 'm'] as const) if (seconds % UNIT_SECONDS[unit] === 0) return `${seconds / UNIT_SECONDS[unit]}${unit}`;
  return `${seconds}s`;
}

// Commander turns a parser's null into "", so these keep the words and nullable() maps them to null later.

/** Lifetimes: a duration, "never" (the token does not expire) or "default" (the space's value). */
export function ttl(value: string): number | 'never' | 'default' {
  if (value === 'never' || value === 'default') return value;
  try {
    return duration(value);
  } catch {
    throw new InvalidArgumentError('expected a duration such as 90m, 8h or 30d (or seconds), "never" or "default".');
  }
}

/** Refresh limit: a count, or "unlimited". 0 means no refresh token is issued. */
export function refreshLimit(value: string): number | 'unlimited' {
  if (value === 'unlimited') return value;
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a number or "unlimited".');
  return Number(value);
}

/** The API's null for the words that mean "no limit", and for "" (clears a field). */
export const nullable = (v: unknown): unknown => (v === 'never' || v === 'unlimited' || v === '' ? null : v);

export function bool(value: string): 'true' | 'false' {
  if (value !== 'true' && value !== 'false') throw new InvalidArgumentError('expected true or false.');
  return value;
}

/** Reads a JSON file ("-" = stdin). */
export function readJson(file: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (err) {
    throw new CliError(`cannot read ${what} ${file}: ${(err as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new CliError(`${what} ${file} is not valid JSON: ${(err as Error).message}`);
  }
}

/** Copies the options that were given into an API body, renaming them; omitted options stay out of the body. */
export function pick(opts: Record<string, unknown>, mapping: Record<string, string>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [opt, field] of Object.entries(mapping)) if (opts[opt] !== undefined) body[field] = opts[opt];
  return body;
}
