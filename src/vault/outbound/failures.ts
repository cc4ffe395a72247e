// Failure classes of a token request, from the status and the provider's error code and description. The order
// matters: a 5xx is transient whatever its body says (a proxy page, a half-up provider); a dead grant is dead however
// it comes (HTTP 200 as Slack and GitHub do, 401 or 403 as Atlassian does); the provider's "not yet" beats its rate
// limit (Exact's early refresh reads "Rate limit exceeded: access_token not expired" and must wait for the window,
// not for a backoff); everything else a provider refuses is a rejection a person must look at.
import type { ErrorMapping } from '../catalog/types.js';
import type { ProviderFailure } from './types.js';
import { stringAt, valueAt } from './paths.js';

const DESCRIPTION_MAX = 300;
const CODE_MAX = 100;
/** RFC 6749 codes that mean "try again later" rather than "no". */
const TRANSIENT_CODES = new Set(['temporarily_unavailable', 'server_error']);
const SLOW_DOWN = 'slow_down';

/** Cleans text from a provider before it can reach a log or last_error: no secrets we sent, no control characters. */
export function cleanText(text: string, secrets: readonly string[], max: number): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join('[redacted]');
  out = out.replace(/[\x00-\x1f\x7f]+/g, ' ').trim();
  return out.length > max ? `${out.slice(0, max - 1)}…` : out;
}

/** Retry-After in seconds or as an HTTP date, as milliseconds from now (never negative); undefined when unreadable. */
export function retryAfterMs(header: string | null, now: Date): number | undefined {
  if (!header) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isFinite(at) ? Math.max(0, at - now.getTime()) : undefined;
}

export interface ErrorFacts {
  status: number;
  code?: string;
  description?: string;
  retryAfterMs?: number;
}

/** The provider's error code and description read from a JSON body by the entry's error mapping. */
export function errorFields(body: Record<string, unknown> | undefined, errors: ErrorMapping | undefined, secrets: readonly string[]) {
  if (!body) return {};
  const codePath = errors?.error ?? 'error';
  let code = stringAt(body, codePath);
  let description = stringAt(body, errors?.error_description ?? 'error_description');
  // Some providers nest the error ({"error": {"code": …, "message": …}}) or say only {"message": …}.
  const nested = valueAt(body, codePath);
  if (code === undefined && nested && typeof nested === 'object') {
    code = stringAt(nested, 'code') ?? stringAt(nested, 'type');
    description ??= stringAt(nested, 'message');
  }
  if (description === undefined && errors?.error_description === undefined) description = stringAt(body, 'message');
  return {
    code: code === undefined ? undefined : cleanText(code, secrets, CODE_MAX),
    description: description === undefined ? undefined : cleanText(description, secrets, DESCRIPTION_MAX),
  };
}

function matchesTooEarly(facts: ErrorFacts, errors: ErrorMapping | undefined): boolean {
  const marks = errors?.too_early_codes ?? [];
  if (facts.code !== undefined && marks.includes(facts.code)) return true;
  const text = facts.description?.toLowerCase();
  return text !== undefined && marks.some((mark) => mark.length > 0 && text.includes(mark.toLowerCase()));
}

export function classify(facts: ErrorFacts, errors: ErrorMapping | undefined): ProviderFailure {
  const base: ProviderFailure = { kind: 'rejected', status: facts.status };
  if (facts.code !== undefined) base.code = facts.code;
  if (facts.description !== undefined) base.description = facts.description;
  if (facts.retryAfterMs !== undefined) base.retryAfterMs = facts.retryAfterMs;
  const code = facts.code;
  if (facts.status >= 500 || facts.status === 408) return { ...base, kind: 'transient' };
  if (code === 'invalid_grant' || (code !== undefined && errors?.invalid_grant_codes?.includes(code))) return { ...base, kind: 'invalid_grant' };
  if (matchesTooEarly(facts, errors)) return { ...base, kind: 'too_early' };
  if (facts.status === 429 || code === SLOW_DOWN) return { ...base, kind: 'rate_limited' };
  if (code !== undefined && TRANSIENT_CODES.has(code)) return { ...base, kind: 'transient' };
  return base;
}

/** A failure found without a provider answer to read (network, timeout, a body that is not JSON). */
export function plainFailure(kind: ProviderFailure['kind'], description: string, status?: number, retryAfter?: number): ProviderFailure {
  const failure: ProviderFailure = { kind, description };
  if (status !== undefined) failure.status = status;
  if (retryAfter !== undefined) failure.retryAfterMs = retryAfter;
  return failure;
}
