// The two-step API-key exchange (Redox's legacy API): the key and secret are bought for tokens with a JSON call, and
// the tokens renewed with a second one. The entry's body templates name `{api_key}`, `{secret}` and
// `{refresh_token}`; the caller has filled every other placeholder (as it fills the token URL), and one left over is
// refused before anything is sent.
import type { ProviderSettings, TokenResult } from './types.js';
import { configFailure } from './types.js';
import { interpretAnswer } from './answer.js';
import { checkUrl, DEFAULT_TIMEOUT_MS, sendJson } from './transport.js';

function fillBody(
  template: Record<string, string>,
  values: Record<string, string>,
): { ok: true; body: Record<string, string> } | { ok: false; description: string } {
  const body: Record<string, string> = {};
  for (const [field, text] of Object.entries(template)) {
    const filled = text.replace(/\{([A-Za-z0-9_]+)\}/g, (whole, name: string) => values[name] ?? whole);
    // Checked on the template, so a credential that happens to contain braces is never taken for a placeholder.
    const left = [...text.matchAll(/\{([A-Za-z0-9_]+)\}/g)].find((m) => values[m[1] as string] === undefined);
    if (left) return { ok: false, description: `the API-key exchange body field ${field} has the unfilled placeholder {${left[1]}}` };
    body[field] = filled;
  }
  return { ok: true, body };
}

async function exchange(s: ProviderSettings, url: string, template: Record<string, string>, values: Record<string, string>, now: Date): Promise<TokenResult> {
  const target = checkUrl(url, 'API-key exchange URL');
  if (!target.ok) return configFailure(target.description);
  const filled = fillBody(template, values);
  if (!filled.ok) return configFailure(filled.description);
  const sent = await sendJson({ url: target.url, body: filled.body, timeoutMs: s.timeoutMs ?? DEFAULT_TIMEOUT_MS });
  if (!sent.ok) return { ok: false, failure: sent.failure };
  const secrets = Object.values(values);
  return interpretAnswer(sent.answer, { settings: s, mapping: s.entry.api_key_exchange?.response, now, secrets });
}

export function apiKeyLogin(s: ProviderSettings, c: { apiKey: string; secret: string }, now = new Date()): Promise<TokenResult> {
  const ex = s.entry.api_key_exchange;
  if (!ex) return Promise.resolve(configFailure(`provider ${s.entry.id} has no API-key exchange`));
  return exchange(s, ex.url, ex.body, { api_key: c.apiKey, secret: c.secret }, now);
}

export function apiKeyRefresh(s: ProviderSettings, c: { apiKey: string; refreshToken: string }, now = new Date()): Promise<TokenResult> {
  const renewal = s.entry.api_key_exchange?.refresh;
  if (!renewal) return Promise.resolve(configFailure(`provider ${s.entry.id} has no API-key renewal call; log in again with the key and secret`));
  return exchange(s, renewal.url, renewal.body, { api_key: c.apiKey, refresh_token: c.refreshToken }, now);
}
