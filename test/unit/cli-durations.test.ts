// The CLI reads and shows durations as people write them (8h, 30d, 90m); seconds are still accepted.
import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { duration, showDuration, ttl } from '../../src/cli/output.js';

describe('CLI durations', () => {
  it('reads units and plain seconds', () => {
    expect(['3600', '90m', '8h', '30d', '2w', '1h30m', '45s', '0'].map(duration)).toEqual([3600, 5400, 28800, 2592000, 1209600, 5400, 45, 0]);
    expect(ttl('8h')).toBe(28800);
    expect(ttl('never')).toBe('never');
    expect(ttl('default')).toBe('default');
  });

  it('refuses what is not a duration, saying what is', () => {
    for (const bad of ['', '8 h', '8H', '1.5h', '-5', 'h', '10y', 'forever']) {
      expect(() => duration(bad), bad).toThrow(InvalidArgumentError);
      expect(() => duration(bad), bad).toThrow(/such as 90m, 8h or 30d/);
    }
    expect(() => ttl('soon')).toThrow(/"never" or "default"/);
  });

  it('shows the largest unit that divides the seconds, and leaves other values alone', () => {
    expect([28800, 2592000, 5400, 86400, 61, 1].map(showDuration)).toEqual(['8h', '30d', '90m', '1d', '61s', '1s']);
    expect([null, 0, 'default', undefined].map(showDuration)).toEqual([null, 0, 'default', undefined]);
  });
});
