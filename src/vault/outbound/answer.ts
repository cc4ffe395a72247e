// Reading a provider's token answer: the raw JSON mapped by the catalog entry (field paths, lifetime formats, success
// flags), not by the RFC, because providers deviate (Exact's string expires_in, Slack's nested user token and its
// `ok: false` with HTTP 200, GitHub's errors with HTTP 200).
import type { ErrorMapping, ProviderEntry, TokenAnswerMapping } from '../catalog/types.js';
import type { ProviderFailure, ProviderSettings, TokenResult, TokenSet } from './types.js';
import { classify, errorFields, plainFailure, retryAfterMs } from './failures.js';
import { readLifetime, usableMs } from './lifetimes.js';
import { stringAt, valueAt } from './paths.js';
import type { PostAnswer } from './http-post.js';

const HOUR_MS = 3600 * 1000;

export interface RawAnswer {
  status: number;
  retryAfter: string | null;
  /** The parsed JSON object (or form-encoded fields), undefined when the body was neither. */
  body: Record<string, unknown> | undefined;
}

/** The provider's answer with its body parsed as JSON, or as a form when it says so (GitHub without Accept). */
export function readAnswer(res: PostAnswer): RawAnswer {
  const { status, text } = res;
  const retryAfter = res.headers['retry-after'] ?? null;
  if (text === undefined) return { status, retryAfter, body: undefined };
  let body: Record<string, unknown> | undefined;
  if ((res.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')) {
    body = Object.fromEntries(new URLSearchParams(text));
  } else {
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) body = parsed as Record<string, unknown>;
    } catch {
      body = undefined;
    }
  }
  return { status, retryAfter, body };
}

export interface ReadContext {
  settings: ProviderSettings;
  mapping: TokenAnswerMapping | undefined;
  now: Date;
  /** Everything secret we sent, scrubbed from any text the provider echoes back. */
  secrets: readonly string[];
}

function failureOf(answer: RawAnswer, errors: ErrorMapping | undefined, ctx: ReadContext, fallback: string): ProviderFailure {
  const fields = errorFields(answer.body, errors, ctx.secrets);
  const failure = classify({ status: answer.status, ...fields, retryAfterMs: retryAfterMs(answer.retryAfter, ctx.now) }, errors);
  if (failure.code === undefined && failure.description === undefined) failure.description = fallback;
  return failure;
}

export function interpretAnswer(answer: RawAnswer, ctx: ReadContext): TokenResult {
  const { entry } = ctx.settings;
  const errors = entry.errors;
  const { status, body } = answer;
  const wait = retryAfterMs(answer.retryAfter, ctx.now);
  if (status >= 300 && status < 400) {
    return { ok: false, failure: plainFailure('rejected', `the token endpoint answered with a redirect (HTTP ${status}); redirects are not followed`, status) };
  }
  if (status < 200 || status >= 300) {
    if (!body) {
      const kind = status >= 500 || status === 408 ? 'transient' : status === 429 ? 'rate_limited' : 'rejected';
      return { ok: false, failure: plainFailure(kind, `HTTP ${status} with a body that is not JSON`, status, wait) };
    }
    return { ok: false, failure: failureOf(answer, errors, ctx, `HTTP ${status}`) };
  }
  if (!body) return { ok: false, failure: plainFailure('rejected', `HTTP ${status} with a body that is not JSON`, status) };
  const flag = errors?.success_flag;
  if (flag && valueAt(body, flag.path) !== flag.value) {
    return { ok: false, failure: failureOf(answer, errors, ctx, `the answer's ${flag.path} was not ${String(flag.value)}`) };
  }
  const accessToken = stringAt(body, ctx.mapping?.access_token ?? 'access_token');
  if (accessToken === undefined) {
    const { code } = errorFields(body, errors, ctx.secrets);
    if (code !== undefined) return { ok: false, failure: failureOf(answer, errors, ctx, 'error') };
    return { ok: false, failure: plainFailure('rejected', 'answer had no access token', status) };
  }
  return { ok: true, tokens: mapTokens(body, accessToken, entry, ctx) };
}

function mapTokens(body: Record<string, unknown>, accessToken: string, entry: ProviderEntry, ctx: ReadContext): TokenSet {
  const m = ctx.mapping ?? {};
  const notes: string[] = [];
  const refreshToken = stringAt(body, m.refresh_token ?? 'refresh_token');
  const rawType = stringAt(body, m.token_type ?? 'token_type');
  const tokenType = rawType === undefined || rawType.toLowerCase() === 'bearer' ? 'Bearer' : rawType;
  const rawScope = valueAt(body, m.scope ?? 'scope');
  const scope = typeof rawScope === 'string' ? rawScope : Array.isArray(rawScope) ? rawScope.filter((s) => typeof s === 'string').join(' ') : undefined;

  const expiresPath = m.expires_in ?? 'expires_in';
  const reading = readLifetime(valueAt(body, expiresPath), m.expires_in_format ?? 'seconds', ctx.now, expiresPath);
  if (reading.kind === 'nonsense') notes.push(reading.note);
  let expiresAt: Date;
  const expiryKnown = reading.kind === 'at';
  if (reading.kind === 'at') expiresAt = reading.at;
  else {
    const assumed = entry.refresh?.assumed_access_token_lifetime_seconds;
    const ttl = usableMs(ctx.settings.overrides.accessTokenTtlMs) ?? usableMs(assumed === undefined ? undefined : assumed * 1000) ?? HOUR_MS;
    expiresAt = new Date(ctx.now.getTime() + ttl);
  }

  let refreshTokenExpiresAt: Date | undefined;
  for (const path of m.refresh_token_expires_in ?? ['refresh_token_expires_in', 'x_refresh_token_expires_in']) {
    const r = readLifetime(valueAt(body, path), m.refresh_token_expires_in_format ?? 'seconds', ctx.now, path);
    if (r.kind === 'nonsense') notes.push(r.note);
    if (r.kind === 'at') {
      refreshTokenExpiresAt = r.at;
      break;
    }
  }
  // The fallbacks describe a refresh token issued now; when the answer carries none, the caller's old one keeps its
  // own expiry and nothing here may stretch it.
  if (refreshTokenExpiresAt === undefined && refreshToken !== undefined) {
    const known = entry.refresh?.refresh_token_lifetime_seconds;
    const ttl = usableMs(ctx.settings.overrides.refreshTokenTtlMs) ?? usableMs(known === undefined ? undefined : known * 1000);
    if (ttl !== undefined) refreshTokenExpiresAt = new Date(ctx.now.getTime() + ttl);
  }

  const metadata: Record<string, unknown> = {};
  for (const path of m.metadata ?? []) {
    const value = valueAt(body, path);
    if (value !== undefined) metadata[path] = value;
  }
  const tokens: TokenSet = { accessToken, tokenType, expiresAt, expiryKnown, metadata };
  if (refreshToken !== undefined) tokens.refreshToken = refreshToken;
  if (scope !== undefined) tokens.scope = scope;
  if (refreshTokenExpiresAt !== undefined) tokens.refreshTokenExpiresAt = refreshTokenExpiresAt;
  if (notes.length > 0) tokens.notes = notes;
  return tokens;
}
