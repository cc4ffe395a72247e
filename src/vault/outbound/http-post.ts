// One POST to a provider over node:http(s) with keep-alive agents. Token requests are the renewal's hot path, and
// fetch (undici and its web streams) cost about half of a renewal's CPU (bench vault-refresh); a plain request on a
// reused socket costs a fraction of that. Redirects are never followed (node:http does not), certificates are
// verified (https' default), an answer longer than a token answer can be is not read, and a deadline covers the
// whole exchange, the body included.
import http, { type IncomingHttpHeaders } from 'node:http';
import https from 'node:https';

/** A token answer is a few kilobytes; a body past this is not one. */
export const BODY_MAX = 1024 * 1024;

// Idle sockets close after 4 s (or a second before the server's Keep-Alive hint, which node reads): a provider that
// closes first would otherwise make the next request fail on a socket that is already gone.
const FREE_SOCKET_MS = 4_000;
const agents = {
  'http:': new http.Agent({ keepAlive: true, timeout: FREE_SOCKET_MS }),
  'https:': new https.Agent({ keepAlive: true, timeout: FREE_SOCKET_MS }),
};

export interface PostAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  /** The body, or undefined when it was longer than BODY_MAX. */
  text: string | undefined;
}

/** An error named TimeoutError, as AbortSignal.timeout's: the provider did not answer in time. */
function timeoutError(): Error {
  const err = new Error('the provider did not answer in time');
  err.name = 'TimeoutError';
  return err;
}

export function post(url: URL, headers: Record<string, string>, body: string, timeoutMs: number): Promise<PostAnswer> {
  return new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? https.request : http.request;
    const req = send(url, {
      method: 'POST',
      agent: agents[url.protocol as 'http:' | 'https:'],
      headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      // The agent closes sockets idle for 4 s; while a request waits on one, the socket's idle timeout must be the
      // request's own, or a provider slower than 4 s would be cut off early.
      timeout: timeoutMs,
    });
    // The socket timeout fires only on silence; a provider that trickles its answer byte by byte needs a deadline.
    const deadline = setTimeout(() => req.destroy(timeoutError()), timeoutMs);
    const fail = (err: Error) => {
      clearTimeout(deadline);
      reject(err);
    };
    req.on('timeout', () => req.destroy(timeoutError()));
    req.on('error', fail);
    req.on('response', (res) => {
      const done = (text: string | undefined) => {
        clearTimeout(deadline);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text });
      };
      // Not a token answer: stop reading (the socket is given up, not reused).
      const tooLong = () => {
        done(undefined);
        res.destroy();
      };
      if (Number(res.headers['content-length'] ?? 0) > BODY_MAX) return tooLong();
      const chunks: Buffer[] = [];
      let length = 0;
      res.on('data', (chunk: Buffer) => {
        length += chunk.length;
        if (length > BODY_MAX) tooLong();
        else chunks.push(chunk);
      });
      res.on('error', fail);
      res.on('end', () => done(Buffer.concat(chunks, length).toString('utf8')));
    });
    req.end(body);
  });
}
