// Standard Webhooks (https://www.standardwebhooks.com): the secrets and signatures of the messages Keyward sends, so
// that a receiver verifies them with any Standard Webhooks library in its own language. A secret is `whsec_` and the
// base64 of 32 random bytes; a signature is `v1,` and the base64 HMAC-SHA256, keyed with those bytes, of
// `{webhook-id}.{webhook-timestamp}.{body}`. While a secret is being rotated both signatures are sent, separated by a
// space, and a receiver holding either secret accepts the message.
import { createHmac, randomBytes } from 'node:crypto';

const PREFIX = 'whsec_';

export function newWebhookSecret(): string {
  return PREFIX + randomBytes(32).toString('base64');
}

/** The key bytes of a `whsec_` secret (a secret without the prefix is taken as base64 too, as the libraries do). */
function keyOf(secret: string): Buffer {
  return Buffer.from(secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret, 'base64');
}

export interface SignedMessage {
  /** The message id: the same on every retry of one message, so receivers can drop duplicates. */
  id: string;
  timestamp: Date;
  body: string;
}

/** The three headers of a signed message, signed with every secret given (the current one first). */
export function webhookHeaders(secrets: readonly string[], message: SignedMessage): Record<'webhook-id' | 'webhook-timestamp' | 'webhook-signature', string> {
  if (!secrets.length) throw new Error('a webhook message needs at least one secret');
  const timestamp = String(Math.floor(message.timestamp.getTime() / 1000));
  const signed = `${message.id}.${timestamp}.${message.body}`;
  const signatures = secrets.map((s) => `v1,${createHmac('sha256', keyOf(s)).update(signed).digest('base64')}`);
  return { 'webhook-id': message.id, 'webhook-timestamp': timestamp, 'webhook-signature': signatures.join(' ') };
}
