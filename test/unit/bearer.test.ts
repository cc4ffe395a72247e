// The one Authorization: Bearer parser (admin API, userinfo, RFC 7592 client management).
import { describe, expect, it } from 'vitest';
import { bearerToken } from '../../src/bearer.js';

describe('bearerToken', () => {
  it('reads the token of the Bearer scheme, in any case, after one or more spaces', () => {
    expect(bearerToken('Bearer kw_abc-DEF_123')).toBe('kw_abc-DEF_123');
    expect(bearerToken('bearer eyJ.a.b')).toBe('eyJ.a.b');
    expect(bearerToken('BEARER  tok+/==')).toBe('tok+/==');
    expect(bearerToken('Bearer an!operator~chosen#token')).toBe('an!operator~chosen#token');
  });

  it('refuses other schemes, missing or several tokens, control characters and tokens over the limit', () => {
    for (const bad of [
      undefined,
      '',
      'Bearer',
      'Bearer ',
      'Basic dXNlcjpwdw==',
      'Bearer a b',
      'Bearer a\tb',
      'Bearer tok\u00e9n',
      'Bearertok',
      ' Bearer tok',
    ]) {
      expect(bearerToken(bad), JSON.stringify(bad)).toBeUndefined();
    }
    expect(bearerToken(`Bearer ${'a'.repeat(500)}`, 500)).toHaveLength(500);
    expect(bearerToken(`Bearer ${'a'.repeat(501)}`, 500)).toBeUndefined();
  });
});
