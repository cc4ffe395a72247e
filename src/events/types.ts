// Event types: `{resource}.{past tense}` (client.deactivated), the names webhooks subscribe to and the audit log
// filters by. An audited change names its action in the present (client.deactivate, the audit log's older name);
// its event type follows from it here, in one place.
const PAST: Record<string, string> = {
  create: 'created',
  update: 'updated',
  delete: 'deleted',
  revoke: 'revoked',
  revoke_all: 'revoked',
  enable: 'enabled',
  disable: 'disabled',
  deactivate: 'deactivated',
  reactivate: 'activated',
  rotate: 'rotated',
  recover: 'recovered',
  rotate_secret: 'secret_rotated',
  webhook_secret: 'webhook_secret_rotated',
  associate_scopes: 'scopes_associated',
  disassociate_scope: 'scope_disassociated',
  grant_role: 'role_granted',
  revoke_role: 'role_revoked',
  master_key_reseal: 'master_key_resealed',
};

/** The event type of an audit action (`client.reactivate` → `client.activated`); an unknown verb is kept. */
export function eventTypeOf(action: string): string {
  const dot = action.indexOf('.');
  const verb = action.slice(dot + 1);
  return `${action.slice(0, dot)}.${PAST[verb] ?? verb}`;
}

/** Vault events: a connection's state as its renewals and consents change it. */
export const CONNECTION_EVENTS = ['connection.connected', 'connection.refresh_failed', 'connection.needs_reauth', 'connection.recovered'] as const;
export type ConnectionEvent = (typeof CONNECTION_EVENTS)[number];

/** What a client's own webhook_url receives: the events about that client (seed 001's webhook secret signs them). */
export const CLIENT_WEBHOOK_EVENTS = [
  'client.updated',
  'client.deactivated',
  'client.activated',
  'client.deleted',
  'client.secret_rotated',
  'token.revoked',
  'consent.revoked',
] as const;

/** Every type Keyward emits, for validating subscriptions (`*` stands for all of them, and for types added later). */
export const EVENT_TYPES: readonly string[] = [
  ...[
    'admin.create',
    'admin.update',
    'admin.delete',
    'admin.grant_role',
    'admin.revoke_role',
    'admin.recover',
    'admin_token.create',
    'admin_token.revoke',
    'client.create',
    'client.update',
    'client.deactivate',
    'client.reactivate',
    'client.delete',
    'client.rotate_secret',
    'client.webhook_secret',
    'client.associate_scopes',
    'client.disassociate_scope',
    'connection.create',
    'connection.update',
    'connection.delete',
    'consent.revoke',
    'initial_access_token.create',
    'initial_access_token.revoke',
    'key.rotate',
    'provider_client.create',
    'provider_client.update',
    'provider_client.delete',
    'scope.create',
    'scope.update',
    'scope.delete',
    'space.create',
    'space.update',
    'space.delete',
    'token.revoke',
    'user.create',
    'user.update',
    'user.enable',
    'user.disable',
    'user.delete',
    'vault.master_key_reseal',
    'webhook.create',
    'webhook.update',
    'webhook.delete',
    'webhook.rotate_secret',
    'webhook.disable',
  ].map(eventTypeOf),
  ...CONNECTION_EVENTS,
].filter((t, i, all) => all.indexOf(t) === i);
