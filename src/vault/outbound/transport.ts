// Sending a request to a provider's token endpoint and turning what happens into an answer or a failure. Form bodies
// (RFC 6749) and JSON bodies (token_request_format json, the API-key exchange) follow the same rules: client
// authentication by oauth4webapi's ClientAuth, Accept: application/json (GitHub answers form-encoded without it),
// redirects never followed, HTTPS only except plain http to a loopback address (local test providers), and a timeout
// that is a transient failure like any network error.
import * as oauth from 'oauth4webapi';
import type { ProviderFailure } from './types.js';
import { plainFailure } from './failures.js';
import { readAnswer, type RawAnswer } from './answer.js';
import { post } from './http-post.js';

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
  if (name === 'TimeoutError') return plainFailure('transient', `no answer within ${timeoutMs} ms`);
  // Only the socket error's code is kept (the message may name hosts).
  const code = (err as { code?: unknown } | undefined)?.code;
  return plainFailure('transient', `network error (${typeof code === 'string' ? code : name})`);
}

const USER_AGENT = 'Keyward';

async function send(url: URL, headers: Record<string, string>, body: string, timeoutMs: number): Promise<Sent> {
  try {
    const res = await post(url, { 'user-agent': USER_AGENT, accept: 'application/json', ...headers }, body, timeoutMs);
    return { ok: true, answer: readAnswer(res) };
  } catch (err) {
    return { ok: false, failure: thrownFailure(err, timeoutMs) };
  }
}

export interface FormRequest {
  tokenUrl: URL;
  clientId: string;
  auth: oauth.ClientAuth;
  grantType: string;
  params: Record<string, string>;
  audience: string;
  timeoutMs: number;
}

/** The request's parameters with grant_type and the client authentication oauth4webapi's ClientAuth writes. */
async function authenticated(r: FormRequest): Promise<{ form: URLSearchParams; headers: Record<string, string> } | undefined> {
  const as: oauth.AuthorizationServer = { issuer: r.audience, token_endpoint: r.tokenUrl.href };
  const form = new URLSearchParams(r.params);
  form.set('grant_type', r.grantType);
  const headers = new Headers();
  try {
    await r.auth(as, { client_id: r.clientId }, form, headers);
  } catch {
    return undefined;
  }
  return { form, headers: Object.fromEntries(headers) };
}

const cannotAuthenticate: Sent = { ok: false, failure: plainFailure('rejected', 'client authentication could not be prepared') };

/** An RFC 6749 token request: a form body. */
export async function sendForm(r: FormRequest): Promise<Sent> {
  const prepared = await authenticated(r);
  if (!prepared) return cannotAuthenticate;
  const headers = { ...prepared.headers, 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' };
  return send(r.tokenUrl, headers, prepared.form.toString(), r.timeoutMs);
}

export interface JsonRequest {
  url: URL;
  body: Record<string, string>;
  headers?: Record<string, string>;
  timeoutMs: number;
}

export function sendJson(r: JsonRequest): Promise<Sent> {
  return send(r.url, { ...r.headers, 'content-type': 'application/json' }, JSON.stringify(r.body), r.timeoutMs);
}

/** A JSON token request with the same client authentication as a form one: the form's fields become the JSON body's. */
export async function sendJsonGrant(r: FormRequest): Promise<Sent> {
  const prepared = await authenticated(r);
  if (!prepared) return cannotAuthenticate;
  return sendJson({ url: r.tokenUrl, body: Object.fromEntries(prepared.form), headers: prepared.headers, timeoutMs: r.timeoutMs });
}
