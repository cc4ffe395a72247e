// Connecting through the provider's consent (seed 003's "Get OAuth 2.0 Access Token"). An admin (or an application,
// for its end user) gets a one-time connect link; opening it sends the browser to the provider's consent with a
// fresh state and PKCE verifier; the provider redirects to the space's callback, where the code is exchanged and
// the tokens stored. The state is also set as a cookie on the browser that opened the link, and the callback
// refuses a state that browser did not start (RFC 9700 §4.7: CSRF on the client's redirect URI). Reconnecting
// keeps the connection's id; the new tokens replace the old ones and fence off any renewal still in flight.
import { createHash, randomBytes } from 'node:crypto';
import { AppError, invalid } from '../errors.js';
import { completeState, insertConnectAttempt, openLink, setVerifier } from '../store/connect-attempts.js';
import { replaceCredentials } from '../store/connection-renewal.js';
import { changeOf, recordConnectionEvents } from './events.js';
import { t, type ConnectMessageKey } from './i18n.js';
import { findConnection, findConnectionWithClient, type ConnectionRow } from '../store/connections.js';
import type { Db } from '../store/db.js';
import { sealedAad } from '../store/sealed-columns.js';
import type { Catalog } from './catalog/index.js';
import { authorizationUrl, exchangeCode, newPkce } from './outbound/index.js';
import { connectionsRedirectUri } from './provider-clients.js';
import { providerSettings } from './provider-settings.js';
import { successOutcome } from './renewal-outcome.js';
import type { Sealer } from './sealer.js';

const hash = (v: string) => createHash('sha256').update(v).digest('base64url');
const random = () => randomBytes(32).toString('base64url');

export interface ConnectOptions {
  /** How long a connect link may wait to be opened, and then how long the consent may take. */
  linkTtlMs: number;
}

/**
 * A connect step that cannot go on: shown to the person in the browser, in their language (`key` in i18n.ts, with
 * `vars`), with the status of the page. `message` is the English text, for logs.
 */
export class ConnectError extends Error {
  constructor(
    readonly key: ConnectMessageKey,
    readonly status = 400,
    readonly vars: Record<string, string> = {},
  ) {
    super(t('en', key, vars));
  }
}

export interface CallbackParams {
  code?: string;
  state?: string;
  error?: string;
  error_description?: string;
  [name: string]: string | undefined;
}

export class ConnectFlow {
  constructor(
    private readonly db: Db,
    private readonly catalog: Catalog,
    private readonly sealer: Sealer,
    private readonly publicUrl: () => string,
    private readonly options: ConnectOptions = { linkTtlMs: 60 * 60_000 },
  ) {}

  /** A one-time link that runs the provider's consent for the connection. */
  async link(space: { id: string; slug: string }, row: ConnectionRow): Promise<{ connect_url: string; expires_at: string }> {
    if (row.kind !== 'oauth2_authorization_code') {
      throw invalid('kind', `a ${row.kind} connection needs no consent in a browser; POST …/refresh fetches its token`);
    }
    if (row.status === 'disabled') throw new AppError('conflict', 'the connection is disabled; enable it first');
    const link = random();
    const expiresAt = new Date(Date.now() + this.options.linkTtlMs);
    await insertConnectAttempt(this.db, { connectionId: row.id, linkHash: hash(link), expiresAt });
    return { connect_url: `${this.publicUrl()}/spaces/${encodeURIComponent(space.slug)}/connections/connect/${link}`, expires_at: expiresAt.toISOString() };
  }

  /** Opens a link: the provider's authorization URL to send the browser to, and the state for its cookie. */
  async open(space: { id: string; slug: string }, link: string): Promise<{ redirectTo: string; state: string; connectionName: string }> {
    const state = random();
    const attempt = await openLink(this.db, hash(link), hash(state));
    if (!attempt) throw new ConnectError('linkUsed', 410);
    const found = await findConnectionWithClient(this.db, space.id, attempt.connectionId);
    if (!found) throw new ConnectError('linkElsewhere', 404);
    const entry = this.catalog.get(found.providerClient.provider);
    if (!entry) throw new ConnectError('providerGone', 409, { provider: found.providerClient.provider });
    const settings = providerSettings(this.catalog, this.sealer, entry, found.providerClient, found.connection);
    if (!settings.authorizationUrl) throw new ConnectError('noAuthorizationUrl', 409);
    let codeChallenge: string | undefined;
    if (entry.pkce) {
      const pkce = await newPkce();
      codeChallenge = pkce.challenge;
      await setVerifier(this.db, attempt.id, this.sealer.seal(pkce.verifier, sealedAad.connectAttempt(attempt.id)));
    }
    const redirectUri = connectionsRedirectUri(this.publicUrl(), space.slug);
    return { redirectTo: authorizationUrl(settings, { redirectUri, state, codeChallenge }), state, connectionName: found.connection.name };
  }

  /** The provider's redirect: exchanges the code and stores the tokens; the connection after. */
  async complete(space: { id: string; slug: string }, params: CallbackParams, browserState: string | undefined): Promise<ConnectionRow> {
    const state = params.state;
    if (!state) throw new ConnectError('noState');
    // Refused before the state is spent: a callback another browser started must not cancel the real one.
    if (!browserState || browserState.length !== state.length || hash(browserState) !== hash(state)) {
      throw new ConnectError('otherBrowser', 403);
    }
    const attempt = await completeState(this.db, hash(state));
    if (!attempt) throw new ConnectError('consentDone', 410);
    const found = await findConnectionWithClient(this.db, space.id, attempt.connectionId);
    if (!found) throw new ConnectError('deletedMeanwhile', 404);
    const { connection, providerClient } = found;
    if (params.error) {
      const said = [params.error, params.error_description?.slice(0, 300)].filter(Boolean).join(': ');
      throw new ConnectError('providerDenied', 400, { said });
    }
    if (!params.code) throw new ConnectError('noCode');
    const entry = this.catalog.get(providerClient.provider);
    if (!entry) throw new ConnectError('providerGone', 409, { provider: providerClient.provider });
    const settings = providerSettings(this.catalog, this.sealer, entry, providerClient, connection);
    const codeVerifier = attempt.verifierSealed ? this.sealer.open(attempt.verifierSealed, sealedAad.connectAttempt(attempt.id)) : undefined;
    const result = await exchangeCode(settings, { code: params.code, redirectUri: connectionsRedirectUri(this.publicUrl(), space.slug), codeVerifier });
    if (!result.ok) {
      const f = result.failure;
      throw new ConnectError('exchangeRefused', 502, {
        status: f.status ? ` (HTTP ${f.status})` : '',
        said: [f.code, f.description].filter(Boolean).join(': ') || f.kind,
      });
    }
    const redirectMetadata: Record<string, unknown> = {};
    for (const name of entry.redirect_metadata ?? []) if (params[name] !== undefined) redirectMetadata[name] = params[name];
    const current = (await findConnection(this.db, space.id, connection.id)) ?? connection;
    const { set } = successOutcome(
      { ...current, accessTokenSealed: null, refreshTokenSealed: null, metadata: {} },
      entry,
      { ...result.tokens, metadata: { ...result.tokens.metadata, ...redirectMetadata } },
      this.sealer,
      Date.now(),
    );
    // A reconnect replaces the refresh token even when the new answer has none: the old one belongs to the old grant.
    if (set.refreshTokenSealed === undefined) Object.assign(set, { refreshTokenSealed: null, refreshTokenExpiresAt: null, refreshTokenUsedAt: null });
    // The tokens and the connection.connected event commit together (a reconnect is one too: a new consent).
    return this.db.transaction(async (tx) => {
      const row = await replaceCredentials(tx, connection.id, { ...set, refreshCount: current.refreshCount, connectedAt: new Date() });
      await recordConnectionEvents(tx, [changeOf('connection.connected', current, set)]);
      return row;
    });
  }
}
