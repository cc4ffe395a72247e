// Webhook subscriptions of a space, their delivery log and manual retries. Subscriptions carry every event of the
// space (the audit log's content), so they are an admin's to see and change.
import { Type } from 'typebox';
import type { Services } from '../../services.js';
import { actorOf } from '../auth.js';
import { PageQuery, pageOf, SpaceParams } from '../schemas.js';
import {
  DeliveryListQuery,
  DeliveryParams,
  EventTypeList,
  RotateWebhookSecretInput,
  WebhookCreated,
  WebhookInput,
  WebhookParams,
  WebhookSecretRotated,
} from '../webhook-schemas.js';
import { EVENT_TYPES } from '../../events/types.js';
import { pageRequest, spaceFor, type Typed } from './common.js';

const tags = ['webhooks'];
// Answers that hold a signing secret are never cached.
const noStore = { 'cache-control': 'no-store' };

export function webhookRoutes(app: Typed, services: Services): void {
  const hooks = services.webhooks;

  // What a subscription may name, for forms and scripts (the same list the create and update checks use). Open to
  // any signed-in admin: it holds no space's data.
  app.get(
    '/event-types',
    {
      schema: {
        tags,
        summary: 'List the event types a webhook subscription may name (besides "*", every type, also those added later)',
        response: { 200: EventTypeList },
      },
    },
    async () => ({ items: EVENT_TYPES.map((type) => ({ type })) }),
  );

  app.get(
    '/spaces/:space/webhooks',
    {
      schema: {
        tags,
        summary: 'List the webhook subscriptions of the space (never their secrets)',
        params: SpaceParams,
        querystring: PageQuery,
        response: { 200: pageOf(Type.Ref('Webhook')) },
      },
    },
    async (req) => hooks.subscriptions.list(await spaceFor(services, req, req.params.space, 'audit:read'), pageRequest(req.query)),
  );

  app.post(
    '/spaces/:space/webhooks',
    {
      schema: {
        tags,
        summary: 'Subscribe a URL to events of the space; the answer shows the signing secret, this once',
        params: SpaceParams,
        body: WebhookInput,
        response: { 201: WebhookCreated },
      },
    },
    async (req, reply) => {
      const space = await spaceFor(services, req, req.params.space, 'space:write');
      return reply
        .code(201)
        .headers(noStore)
        .send(await hooks.subscriptions.create(space, req.body, actorOf(req)));
    },
  );

  app.get(
    '/spaces/:space/webhooks/:id',
    { schema: { tags, summary: 'Get a webhook subscription (never its secret)', params: WebhookParams, response: { 200: Type.Ref('Webhook') } } },
    async (req) => hooks.subscriptions.get(await spaceFor(services, req, req.params.space, 'audit:read'), req.params.id),
  );

  app.patch(
    '/spaces/:space/webhooks/:id',
    {
      schema: {
        tags,
        summary: 'Change a webhook subscription; active: true switches one on again that Keyward had switched off',
        params: WebhookParams,
        body: WebhookInput,
        response: { 200: Type.Ref('Webhook') },
      },
    },
    async (req) => hooks.subscriptions.update(await spaceFor(services, req, req.params.space, 'space:write'), req.params.id, req.body, actorOf(req)),
  );

  app.delete(
    '/spaces/:space/webhooks/:id',
    { schema: { tags, summary: 'Delete a webhook subscription and its deliveries', params: WebhookParams, response: { 204: Type.Null() } } },
    async (req, reply) => {
      await hooks.subscriptions.delete(await spaceFor(services, req, req.params.space, 'space:write'), req.params.id, actorOf(req));
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/spaces/:space/webhooks/:id/rotate-secret',
    {
      schema: {
        tags,
        summary: 'A new signing secret, shown this once; the previous one signs beside it for grace_period seconds',
        params: WebhookParams,
        body: Type.Optional(RotateWebhookSecretInput),
        response: { 200: WebhookSecretRotated },
      },
    },
    async (req, reply) => {
      const space = await spaceFor(services, req, req.params.space, 'space:write');
      return reply.headers(noStore).send(await hooks.subscriptions.rotateSecret(space, req.params.id, req.body?.grace_period, actorOf(req)));
    },
  );

  app.get(
    '/spaces/:space/webhooks/:id/deliveries',
    {
      schema: {
        tags,
        summary: 'The delivery log of a subscription, newest first: status, attempts, answers',
        params: WebhookParams,
        querystring: DeliveryListQuery,
        response: { 200: pageOf(Type.Ref('WebhookDelivery')) },
      },
    },
    async (req) => {
      const space = await spaceFor(services, req, req.params.space, 'audit:read');
      return hooks.deliveries(space, req.params.id, { ...pageRequest(req.query), status: req.query.status });
    },
  );

  app.get(
    '/spaces/:space/webhooks/:id/deliveries/:delivery_id',
    { schema: { tags, summary: 'One delivery with its attempts', params: DeliveryParams, response: { 200: Type.Ref('WebhookDelivery') } } },
    async (req) => hooks.delivery(await spaceFor(services, req, req.params.space, 'audit:read'), req.params.id, req.params.delivery_id),
  );

  app.post(
    '/spaces/:space/webhooks/:id/deliveries/:delivery_id/retry',
    {
      schema: {
        tags,
        summary: 'Send a delivery again now, with the same webhook-id (whatever its status); the answer has the new attempt',
        params: DeliveryParams,
        response: { 200: Type.Ref('WebhookDelivery') },
      },
    },
    async (req) => hooks.retry(await spaceFor(services, req, req.params.space, 'space:write'), req.params.id, req.params.delivery_id),
  );
}
