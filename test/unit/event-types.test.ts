// Event types and the address guard of webhooks: every action the code records has an event type a subscription
// may name, types read {resource}.{past tense}, and the addresses a webhook may not reach are recognised in every
// spelling (IPv4, IPv6, IPv4-mapped), while public ones pass.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPrivateAddress } from '../../src/events/address-guard.js';
import { CLIENT_WEBHOOK_EVENTS, CONNECTION_EVENTS, EVENT_TYPES, eventTypeOf } from '../../src/events/types.js';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('event types', () => {
  it('names every recorded action in the past tense, and lists each as a type to subscribe to', () => {
    const actions = new Set<string>();
    for (const file of sources(path.resolve('src'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/action: '([a-z_]+\.[a-z_]+)'/g)) actions.add(m[1]!);
      for (const m of readFileSync(file, 'utf8').matchAll(/\? '([a-z_]+\.[a-z_]+)'/g)) if (/^(client|user)\./.test(m[1]!)) actions.add(m[1]!);
    }
    expect(actions.size).toBeGreaterThan(30);
    for (const action of actions) {
      const type = eventTypeOf(action);
      expect(type, action).toMatch(/^[a-z_]+\.[a-z_]+(ed|_rotated|_granted)$/);
      expect(EVENT_TYPES, `${action} → ${type}`).toContain(type);
    }
    expect(eventTypeOf('client.reactivate')).toBe('client.activated');
    expect(eventTypeOf('client.rotate_secret')).toBe('client.secret_rotated');
    for (const t of [...CONNECTION_EVENTS, ...CLIENT_WEBHOOK_EVENTS, 'webhook.disabled']) expect(EVENT_TYPES).toContain(t);
  });
});

describe('addresses a webhook may not reach', () => {
  it('refuses private, loopback, link-local and special addresses in every spelling', () => {
    for (const ip of [
      '127.0.0.1',
      '127.255.0.9',
      '10.0.0.1',
      '172.16.5.4',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '255.255.255.255',
      '::1',
      '::',
      'fe80::1',
      'fd12:3456::1',
      '::ffff:127.0.0.1',
      '::ffff:10.0.0.1',
      '64:ff9b::a00:1',
      'not an address',
    ])
      expect(isPrivateAddress(ip), ip).toBe(true);
  });

  it('lets public addresses through', () => {
    for (const ip of ['93.184.216.34', '8.8.8.8', '172.32.0.1', '192.169.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])
      expect(isPrivateAddress(ip), ip).toBe(false);
  });
});
