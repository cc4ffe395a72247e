// Route schemas of webhooks (DESIGN.md "Events and webhooks"): subscriptions, their delivery log and retries. The
// subscription schema has no secret field: the signing secret is in the create and rotate answers only.
import { Type, type TSchema } from 'typebox';
import { PageQuery } from './schemas.js';

const Nullable = <T extends TSchema>(t: T, description?: string) => Type.Union([t, Type.Null()], description ? { description } : {});
const DateTime = (description: string) => Type.String({ format: 'date-time', description });

const SUBSCRIPTION_EXAMPLE = {
  id: '3f0c2a9e-6b1d-4c0e-9d5e-1a2b3c4d5e6f',
  url: 'https://hooks.example.com/keyward',
  events: ['client.deactivated', 'connection.needs_reauth'],
  description: 'Operations alerts',
  active: true,
  disabled_reason: null,
  previous_secret_expires_at: null,
  created_at: '2026-12-01T09:00:00.000Z',
  updated_at: '2026-12-01T09:00:00.000Z',
};

export const WebhookInput = Type.Object(
  {
    url: Type.Optional(Type.String({ maxLength: 2000, description: 'where messages are POSTed: an http(s) URL at a public address' })),
    events: Type.Optional(
      Type.Array(Type.String({ maxLength: 100 }), {
        maxItems: 100,
        description: 'event types to receive ({resource}.{past tense}, such as client.deactivated), or ["*"] for all, including types added later',
      }),
    ),
    description: Type.Optional(Type.String({ maxLength: 500, description: 'what the subscription is for (shown to admins)' })),
    active: Type.Optional(Type.Boolean({ description: 'false pauses deliveries; they wait and go out when it is true again (default true)' })),
  },
  { additionalProperties: false, examples: [{ url: 'https://hooks.example.com/keyward', events: ['*'], description: 'Everything' }] },
);

export const Webhook = Type.Object(
  {
    id: Type.String({ description: 'id of the subscription' }),
    url: Type.String({ description: 'where messages are POSTed' }),
    events: Type.Array(Type.String(), { description: 'the event types it receives, or ["*"] for all' }),
    description: Type.String({ description: 'what the subscription is for' }),
    active: Type.Boolean({ description: 'false: deliveries wait (paused by an admin, or switched off by Keyward, see disabled_reason)' }),
    disabled_reason: Nullable(Type.String(), 'why Keyward switched the subscription off (its deliveries failed for days); null otherwise'),
    previous_secret_expires_at: Nullable(
      Type.String({ format: 'date-time' }),
      'after a rotation: until when the previous secret still signs (both signatures are sent)',
    ),
    created_at: DateTime('when it was made'),
    updated_at: DateTime('when it last changed'),
  },
  { $id: 'Webhook', examples: [SUBSCRIPTION_EXAMPLE] },
);

export const WebhookCreated = Type.Object({
  ...Webhook.properties,
  secret: Type.String({ description: 'the signing secret (whsec_…), shown only in this answer: verify messages with any Standard Webhooks library' }),
});

export const WebhookParams = Type.Object({
  space: Type.String({ maxLength: 100 }),
  id: Type.String({ maxLength: 200, description: 'id of the webhook subscription' }),
});

export const DeliveryParams = Type.Object({
  space: Type.String({ maxLength: 100 }),
  id: Type.String({ maxLength: 200, description: 'id of the webhook subscription' }),
  delivery_id: Type.String({ maxLength: 200, description: 'id of the delivery' }),
});

export const RotateWebhookSecretInput = Type.Object(
  {
    grace_period: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 604800,
        description: 'seconds the previous secret goes on signing beside the new one (default 86400; 0 stops it at once)',
      }),
    ),
  },
  { additionalProperties: false },
);

export const WebhookSecretRotated = Type.Object({
  id: Type.String({ description: 'id of the subscription' }),
  secret: Type.String({ description: 'the new signing secret, shown only in this answer' }),
  previous_secret_expires_at: Nullable(Type.String({ format: 'date-time' }), 'until when the previous secret still signs'),
});

const Attempt = Type.Object({
  at: DateTime('when the attempt was made'),
  response_status: Type.Optional(Type.Integer({ description: "the receiver's status code (absent when no answer came)" })),
  duration_ms: Type.Integer({ description: 'how long the attempt took, from connecting to the end of the answer' }),
  error: Type.Optional(Type.String({ description: 'why no answer came: a timeout, a refused connection, a blocked address' })),
  response_body: Type.Optional(Type.String({ description: 'the first 512 characters of the answer' })),
  manual: Type.Optional(Type.Boolean({ description: 'true for an attempt asked for by an admin' })),
});

export const Delivery = Type.Object(
  {
    id: Type.String({ description: 'id of the delivery' }),
    event_type: Type.String({ description: 'the type of the event delivered' }),
    webhook_id: Type.String({ description: 'the webhook-id header of every attempt: receivers drop duplicates by it' }),
    status: Type.Union([Type.Literal('pending'), Type.Literal('succeeded'), Type.Literal('failed')], {
      description: 'pending (first attempt or a retry to come), succeeded (answered 2xx), failed (every retry spent)',
    }),
    attempts: Type.Array(Attempt, { description: 'every attempt, oldest first (the last 50)' }),
    next_attempt_at: Nullable(Type.String({ format: 'date-time' }), 'when the next attempt is due (pending only)'),
    created_at: DateTime('when the event was written'),
  },
  { $id: 'WebhookDelivery' },
);

export const DeliveryListQuery = Type.Object(
  {
    ...PageQuery.properties,
    status: Type.Optional(
      Type.Union([Type.Literal('pending'), Type.Literal('succeeded'), Type.Literal('failed')], { description: 'only deliveries with this status' }),
    ),
  },
  { additionalProperties: false },
);

export const EventTypeList = Type.Object(
  {
    items: Type.Array(
      Type.Object({ type: Type.String({ description: 'an event type, {resource}.{past tense} (client.deactivated, connection.needs_reauth)' }) }),
      { description: 'every event type Keyward emits, grouped by resource' },
    ),
  },
  { examples: [{ items: [{ type: 'client.created' }, { type: 'connection.needs_reauth' }] }] },
);
