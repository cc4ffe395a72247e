// The provider client form's token lifetimes: each written in its own unit, sent in the API's one unit (seconds,
// or milliseconds when either is written in them, as Exact Online states them), and shown back as they were meant.
import { describe, expect, it } from 'vitest';
import { lifetimeFromApi, lifetimeSeconds, lifetimesToApi } from '../../web/src/pages/connections/lifetimes.js';

describe('token lifetimes of a provider client', () => {
  it('sends seconds when no lifetime is in milliseconds, converting minutes, hours and days', () => {
    expect(lifetimesToApi({ value: '1', unit: 'h' }, { value: '90', unit: 'd' })).toEqual({
      access_token_expires_in: 3600,
      refresh_token_expires_in: 90 * 86400,
      expires_in_unit: 's',
    });
    expect(lifetimesToApi({ value: '', unit: 's' }, { value: '30', unit: 'min' })).toEqual({
      access_token_expires_in: null,
      refresh_token_expires_in: 1800,
      expires_in_unit: 's',
    });
  });

  it('sends both in milliseconds when either is written in them (seed 001: 3599999 and 7775999999)', () => {
    expect(lifetimesToApi({ value: '3599999', unit: 'ms' }, { value: '7775999999', unit: 'ms' })).toEqual({
      access_token_expires_in: 3599999,
      refresh_token_expires_in: 7775999999,
      expires_in_unit: 'ms',
    });
    expect(lifetimesToApi({ value: '3599999', unit: 'ms' }, { value: '90', unit: 'd' }).refresh_token_expires_in).toBe(90 * 86_400_000);
  });

  it('shows seconds in the largest unit that divides them, and milliseconds as they were given', () => {
    expect(lifetimeFromApi(2_592_000, 's')).toEqual({ value: '30', unit: 'd' });
    expect(lifetimeFromApi(7200, 's')).toEqual({ value: '2', unit: 'h' });
    expect(lifetimeFromApi(90, 's')).toEqual({ value: '90', unit: 's' });
    expect(lifetimeFromApi(600, 's')).toEqual({ value: '10', unit: 'min' });
    expect(lifetimeFromApi(3599999, 'ms')).toEqual({ value: '3599999', unit: 'ms' });
    expect(lifetimeFromApi(null, 'ms')).toEqual({ value: '', unit: 'ms' });
  });

  it('round-trips what the API stored', () => {
    for (const [value, unit] of [
      [86_400, 's'],
      [45, 's'],
      [7775999999, 'ms'],
    ] as const) {
      const shown = lifetimeFromApi(value, unit);
      const sent = lifetimesToApi(shown, { value: '', unit: shown.unit });
      expect(sent).toMatchObject({ access_token_expires_in: value, expires_in_unit: unit });
    }
  });

  it('says a lifetime in seconds only when it is a whole number of them', () => {
    expect(lifetimeSeconds({ value: '30', unit: 'd' })).toBe(2_592_000);
    expect(lifetimeSeconds({ value: '3599999', unit: 'ms' })).toBeNull();
    expect(lifetimeSeconds({ value: '2000', unit: 'ms' })).toBe(2);
    expect(lifetimeSeconds({ value: 'abc', unit: 's' })).toBeNull();
    expect(lifetimeSeconds({ value: '', unit: 's' })).toBeNull();
  });
});
