// Lifetimes are seconds in the API and "8 hours" or "30 days" to people: an amount and a unit.
export type Unit = 'minutes' | 'hours' | 'days';
export const UNIT_SECONDS: Record<Unit, number> = { minutes: 60, hours: 3_600, days: 86_400 };
/** registry/spaces.ts: lifetimes from 1 second to 10 years. */
export const MAX_TTL_SECONDS = 10 * 365 * 86_400;

/** The largest unit that divides `seconds` evenly ("28800" → 8 hours). */
export function splitDuration(seconds: number): { amount: string; unit: Unit } {
  for (const unit of ['days', 'hours', 'minutes'] as const) {
    if (seconds % UNIT_SECONDS[unit] === 0) return { amount: String(seconds / UNIT_SECONDS[unit]), unit };
  }
  return { amount: String(Math.max(1, Math.round(seconds / 60))), unit: 'minutes' };
}

export const toSeconds = (amount: string, unit: Unit) => Number(amount) * UNIT_SECONDS[unit];
