// A real HTTP receiver of webhook messages for tests: every message is verified with the `standardwebhooks`
// library (the specification's reference code, not ours) against the secrets the test gave its path. A path can be
// told to fail, to answer slowly, or the whole receiver can go down and come back on the same port.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface Received {
  path: string;
  id: string;
  timestamp: string;
  signature: string;
  body: string;
  /** The message as standardwebhooks verified it; undefined when no secret of the path verified it. */
  verified: { type: string; timestamp: string; data: Record<string, unknown> } | undefined;
  /** Which of the path's secrets verified it (their index). */
  verifiedBy: number[];
  status: number;
}

export interface PathBehaviour {
  secrets: string[];
  /** Statuses to answer, one per message, then `then` (default 200). */
  statuses?: number[];
  then?: number;
  delayMs?: number;
  /** A Location header on every answer (with a 3xx status: a redirect, which a sender must not follow). */
  location?: string;
}

export class WebhookReceiver {
  readonly received: Received[] = [];
  private readonly paths = new Map<string, PathBehaviour>();
  private server: http.Server | undefined;
  private port = 0;

  async start(port = 0): Promise<this> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => void this.answer(req, res, Buffer.concat(chunks).toString('utf8')));
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  on(path: string, behaviour: PathBehaviour): void {
    this.paths.set(path, behaviour);
  }

  /** The receiver goes away (connections refused) until start() again on the same port. */
  async stop(): Promise<void> {
    const s = this.server;
    this.server = undefined;
    if (!s) return;
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }

  async restart(): Promise<void> {
    await this.start(this.port);
  }

  at(path: string): Received[] {
    return this.received.filter((r) => r.path === path);
  }

  async waitFor(path: string, count: number, timeoutMs = 15_000, pred: (r: Received) => boolean = () => true): Promise<Received[]> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const got = this.at(path).filter(pred);
      if (got.length >= count) return got;
      if (Date.now() > until) throw new Error(`receiver: ${got.length} of ${count} messages at ${path} within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  private async answer(req: http.IncomingMessage, res: http.ServerResponse, body: string): Promise<void> {
    const path = req.url ?? '/';
    const b = this.paths.get(path);
    const headers = {
      'webhook-id': String(req.headers['webhook-id'] ?? ''),
      'webhook-timestamp': String(req.headers['webhook-timestamp'] ?? ''),
      'webhook-signature': String(req.headers['webhook-signature'] ?? ''),
    };
    const verifiedBy: number[] = [];
    let verified: Received['verified'];
    (b?.secrets ?? []).forEach((secret, i) => {
      try {
        verified = new Webhook(secret).verify(body, headers) as Received['verified'];
        verifiedBy.push(i);
      } catch {
        // not signed with this one
      }
    });
    const status = b?.statuses?.length ? b.statuses.shift()! : (b?.then ?? 200);
    this.received.push({
      path,
      id: headers['webhook-id'],
      timestamp: headers['webhook-timestamp'],
      signature: headers['webhook-signature'],
      body,
      verified,
      verifiedBy,
      status,
    });
    if (b?.delayMs) await new Promise((r) => setTimeout(r, b.delayMs));
    res
      .writeHead(status, { 'content-type': 'text/plain', ...(b?.location ? { location: b.location } : {}) })
      .end(status >= 300 ? `receiver says no (${status})` : 'ok');
  }
}
