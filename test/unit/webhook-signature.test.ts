// Keyward's webhook signatures checked by the `standardwebhooks` library (the reference implementation of the
// Standard Webhooks specification), not by our own code: a receiver in any language verifies them the same way.
import { randomUUID } from 'node:crypto';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { newWebhookSecret, webhookHeaders } from '../../src/crypto/webhooks.js';

const message = (body = JSON.stringify({ type: 'client.deactivated', timestamp: new Date().toISOString(), data: { client_id: 'abc' } })) => ({
  id: `msg_${randomUUID()}`,
  timestamp: new Date(),
  body,
});

describe('webhook signatures (Standard Webhooks)', () => {
  it('makes whsec_ secrets of 32 random bytes', () => {
    const a = newWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(a.slice(6), 'base64')).toHaveLength(32);
    expect(newWebhookSecret()).not.toBe(a);
  });

  it('signs messages that the standardwebhooks library verifies, and no tampered one', () => {
    const secret = newWebhookSecret();
    const m = message();
    const headers = webhookHeaders([secret], m);
    expect(headers['webhook-id']).toBe(m.id);
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(new Webhook(secret).verify(m.body, headers)).toEqual(JSON.parse(m.body));

    expect(() => new Webhook(secret).verify(m.body.replace('abc', 'abd'), headers)).toThrow(WebhookVerificationError);
    expect(() => new Webhook(secret).verify(m.body, { ...headers, 'webhook-id': `${m.id}x` })).toThrow(WebhookVerificationError);
    expect(() => new Webhook(newWebhookSecret()).verify(m.body, headers)).toThrow(WebhookVerificationError);
  });

  it('during a rotation sends both signatures, so a receiver with either secret accepts the message', () => {
    const [current, previous] = [newWebhookSecret(), newWebhookSecret()];
    const m = message();
    const headers = webhookHeaders([current, previous], m);
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(new Webhook(current).verify(m.body, headers)).toEqual(JSON.parse(m.body));
    expect(new Webhook(previous).verify(m.body, headers)).toEqual(JSON.parse(m.body));
  });

  it('is refused by the library when its timestamp is too old or too far ahead (replays)', () => {
    const secret = newWebhookSecret();
    const old = { ...message(), timestamp: new Date(Date.now() - 10 * 60_000) };
    expect(() => new Webhook(secret).verify(old.body, webhookHeaders([secret], old))).toThrow(/too old/i);
    const ahead = { ...message(), timestamp: new Date(Date.now() + 10 * 60_000) };
    expect(() => new Webhook(secret).verify(ahead.body, webhookHeaders([secret], ahead))).toThrow(/too new/i);
  });

  it('needs a secret', () => {
    expect(() => webhookHeaders([], message())).toThrow(/at least one secret/);
  });
});
