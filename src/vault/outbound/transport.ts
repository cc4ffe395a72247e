// Sending a request to a provider's token endpoint and turning what happens into an answer or a failure. Form bodies
// (RFC 6749) go through oauth4webapi; JSON bodies (token_request_format json, the API-key exchange) through fetch,
// with the same rules: Accept: application/json (GitHub answers form-encoded without it), redirects never followed,
// HTTPS only except plain http to a loopback address (local test providers), and a timeout that is a transient
// failure like any network error.
import * as oauth from 'oauth4webapi';
import type { ProviderFailure } from './types.js';
import { plainFailure } from './failures.js';
import { readAnswer, type RawAnswer } from './answer.js';

export const DEFAULT_TIMEOUT_MS = 15_000;

export type Sent = { ok: true; answer: RawAnswer } | { ok: false; failure: ProviderFailure };

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

/** The URL when Keyward may send credentials to it, else why not (no value of it is repeated). */
export function checkUrl(raw: string, what: string): { ok: true; url: URL; insecure: boolean } | { ok: false; description: string } {
  const leftover = /\{([A-Za-z0-9_]+)\}/.exec(raw);
  if (leftover) return { ok: false, description: `the ${what} still has the placeholder {${leftover[1]}}` };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, description: `the ${what} is not a valid URL` };
  }
  if (url.protocol === 'https:') return { ok: true, url, insecure: false };
  if (url.protocol === 'http:' && isLoopback(url.hostname)) return { ok: true, url, insecure: true };
  return { ok: false, description: `the ${what} must use https` };
}

function thrownFailure(err: unknown, timeoutMs: number): ProviderFailure {
  const name = err instanceof Error ? err.name : 'Error';
  if (name === 'TimeoutError' || name === 'AbortError') return plainFailure('transient', `no answer within ${timeoutMs} ms`);
  if (err instanceof oauth.OperationProcessingError) return plainFailure('rejected', `request refused before sending (${err.code ?? 'oauth4webapi'})`);
  // fetch's "fetch failed" carries the socket error as its cause; only its code is kept (the message may name hosts).
  const cause = err instanceof Error ? (err.cause as { code?: unknown } | undefined) : undefined;
  const code = typeof cause?.code === 'string' ? cause.code : name;
  return plainFailure('transient', `network error (${code})`);
}

async function settle(send: () => Promise<Response>, timeoutMs: number): Promise<Sent> {
  try {
    const res = await send();
    return { ok: true, answer: await readAnswer(res) };
  } catch (err) {
    return { ok: false, failure: thrownFailure(err, timeoutMs) };
  }
}

export interface FormRequest {
  tokenUrl: URL;
  insecure: boolean;
  clientId: string;
  auth: oauth.ClientAuth;
  grantType: string;
  params: Record<string, string>;
  audience: string;
  timeoutMs: number;
}

export function sendForm(r: FormRequest): Promise<Sent> {
  const as: oauth.AuthorizationServer = { issuer: r.audience, token_endpoint: r.tokenUrl.href };
  const client: oauth.Client = { client_id: r.clientId };
  return settle(
    () =>
      oauth.genericTokenEndpointRequest(as, client, r.auth, r.grantType, r.params, {
        signal: AbortSignal.timeout(r.timeoutMs),
        ...(r.insecure ? { [oauth.allowInsecureRequests]: true } : {}),
      }),
    r.timeoutMs,
  );
}

export interface JsonRequest {
  url: URL;
  body: Record<string, string>;
  headers?: Headers;
  timeoutMs: number;
}

export function sendJson(r: JsonRequest): Promise<Sent> {
  const headers = new Headers(r.headers);
  headers.set('accept', 'application/json');
  headers.set('content-type', 'application/json');
  return settle(
    () => fetch(r.url, { method: 'POST', headers, body: JSON.stringify(r.body), redirect: 'manual', signal: AbortSignal.timeout(r.timeoutMs) }),
    r.timeoutMs,
  );
}

/**
 * A JSON token request with the same client authentication as a form one: oauth4webapi's ClientAuth writes into a
 * scratch form body and headers, and its fields are carried over into the JSON body.
 */
export async function sendJsonGrant(r: FormRequest): Promise<Sent> {
  const as: oauth.AuthorizationServer = { issuer: r.audience, token_endpoint: r.tokenUrl.href };
  const form = new URLSearchParams(r.params);
  form.set('grant_type', r.grantType);
  const headers = new Headers();
  try {
    await r.auth(as, { client_id: r.clientId }, form, headers);
  } catch {
    return { ok: false, failure: plainFailure('rejected', 'client authentication could not be prepared') };
  }
  return sendJson({ url: r.tokenUrl, body: Object.fromEntries(form), headers, timeoutMs: r.timeoutMs });
}
