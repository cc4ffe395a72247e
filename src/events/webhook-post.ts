// One webhook message sent over node:http(s): a deadline covers the whole exchange, redirects are never followed
// (node:http does not; a 3xx is a failed attempt), only the first bytes of the answer are kept for the delivery log,
// and, unless private addresses are allowed, the connection is refused to private, loopback and link-local ones.
import http from 'node:http';
import https from 'node:https';
import { checkLiteralHost, guardedLookup } from './address-guard.js';

/** What the delivery log keeps of an answer's body. */
export const ANSWER_HEAD = 512;
const READ_MAX = 64 * 1024;

export interface WebhookAnswer {
  status?: number;
  durationMs: number;
  /** The first ANSWER_HEAD characters of the body. */
  body?: string;
  /** Why no answer came (timeout, refused connection, blocked address). */
  error?: string;
}

const agents = {
  guarded: { 'http:': new http.Agent({ keepAlive: true, timeout: 4_000 }), 'https:': new https.Agent({ keepAlive: true, timeout: 4_000 }) },
  open: { 'http:': new http.Agent({ keepAlive: true, timeout: 4_000 }), 'https:': new https.Agent({ keepAlive: true, timeout: 4_000 }) },
};

export function sendWebhook(
  url: URL,
  headers: Record<string, string>,
  body: string,
  opts: { timeoutMs: number; allowPrivate: boolean },
): Promise<WebhookAnswer> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let settled = false;
    const finish = (answer: Omit<WebhookAnswer, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      resolve({ ...answer, durationMs: elapsed() });
    };
    let deadline: NodeJS.Timeout | undefined;
    try {
      if (!opts.allowPrivate) checkLiteralHost(url);
    } catch (err) {
      return finish({ error: (err as Error).message });
    }
    const protocol = url.protocol as 'http:' | 'https:';
    const send = protocol === 'https:' ? https.request : http.request;
    const req = send(url, {
      method: 'POST',
      agent: (opts.allowPrivate ? agents.open : agents.guarded)[protocol],
      ...(opts.allowPrivate ? {} : { lookup: guardedLookup as never }),
      headers: { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), 'user-agent': 'Keyward-Webhooks' },
    });
    deadline = setTimeout(() => {
      req.destroy();
      finish({ error: `no answer within ${opts.timeoutMs} ms` });
    }, opts.timeoutMs);
    req.on('error', (err) => finish({ error: err.message }));
    req.on('response', (res) => {
      let head = '';
      let length = 0;
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        if (head.length < ANSWER_HEAD) head += chunk.slice(0, ANSWER_HEAD - head.length);
        // The status is all that counts: a long answer is not read to its end.
        if ((length += chunk.length) > READ_MAX) {
          finish({ status: res.statusCode, body: head });
          res.destroy();
        }
      });
      res.on('error', () => finish({ status: res.statusCode, body: head }));
      res.on('end', () => finish({ status: res.statusCode, body: head }));
    });
    req.end(body);
  });
}
