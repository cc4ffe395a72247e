// Slow or idle clients cannot hold a node: real sockets against a listening app with short limits. A client that
// sends its headers byte by byte is cut off after the headers timeout, an idle keep-alive connection is closed after
// the keep-alive timeout, and connections beyond the bound are closed at once while the others keep working.
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function listen(env: Record<string, string>): Promise<number> {
  t = await createTestApp('pglite', env);
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  return (t.app.server.address() as net.AddressInfo).port;
}

interface Conn {
  socket: net.Socket;
  data: () => string;
  /** Milliseconds after `connected` at which the server closed the connection. */
  closed: Promise<number>;
  connected: Promise<number>;
}

function connect(port: number): Conn {
  const socket = net.connect(port, '127.0.0.1');
  let data = '';
  socket.setEncoding('utf8');
  socket.on('data', (d) => (data += d));
  socket.on('error', () => {});
  const connected = new Promise<number>((resolve) => socket.once('connect', () => resolve(Date.now())));
  const closed = new Promise<number>((resolve) => socket.once('close', () => resolve(Date.now())));
  return { socket, data: () => data, connected, closed: Promise.all([connected, closed]).then(([c, x]) => x - c) };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('server time-outs and connection bound', () => {
  it('disconnects a client that sends its headers byte by byte past the headers timeout', async () => {
    const port = await listen({ KEYWARD_HEADERS_TIMEOUT_MS: '500', KEYWARD_REQUEST_TIMEOUT_MS: '5000' });
    const c = connect(port);
    await c.connected;
    const request = 'GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Slow: ' + 'a'.repeat(200) + '\r\n\r\n';
    let sent = 0;
    let open = true;
    void c.closed.then(() => (open = false));
    while (open && sent < request.length) {
      c.socket.write(request[sent++]!);
      await sleep(50); // 200+ bytes at 20 a second: 10 s for the whole headers
    }
    const after = await c.closed;
    expect(sent).toBeLessThan(request.length);
    expect(after).toBeGreaterThanOrEqual(450);
    expect(after).toBeLessThan(2_500); // the timeout, plus at most one check interval (capped at 1 s)
    expect(c.data()).not.toContain('200 OK');
  });

  it('closes an idle keep-alive connection after the keep-alive timeout', async () => {
    const port = await listen({ KEYWARD_KEEP_ALIVE_TIMEOUT_MS: '400' });
    const c = connect(port);
    await c.connected;
    c.socket.write('GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n');
    const answered = Date.now();
    const idleFor = (await c.closed) - (answered - (await c.connected));
    expect(c.data()).toContain('HTTP/1.1 200 OK');
    expect(c.data().toLowerCase()).toContain('keep-alive: timeout=');
    expect(idleFor).toBeGreaterThanOrEqual(350);
    expect(idleFor).toBeLessThan(2_000);
  });

  it('closes connections beyond KEYWARD_MAX_CONNECTIONS at once; the others keep working', async () => {
    const port = await listen({ KEYWARD_MAX_CONNECTIONS: '3', KEYWARD_HEADERS_TIMEOUT_MS: '20000' });
    const held = [connect(port), connect(port), connect(port)];
    await Promise.all(held.map((c) => c.connected));
    await sleep(100); // the server has accepted them
    const extra = connect(port);
    const closedAfter = await Promise.race([extra.closed, sleep(3_000).then(() => -1)]);
    expect(closedAfter, 'the connection beyond the bound was left open').toBeGreaterThanOrEqual(0);
    expect(closedAfter).toBeLessThan(1_000);
    expect(extra.data()).toBe('');
    // The held ones are served.
    held[0]!.socket.write('GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n');
    await held[0]!.closed;
    expect(held[0]!.data()).toContain('HTTP/1.1 200 OK');
    // With one closed, a new connection is accepted again.
    await sleep(100);
    const next = connect(port);
    await next.connected;
    next.socket.write('GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n');
    await next.closed;
    expect(next.data()).toContain('HTTP/1.1 200 OK');
    for (const c of held) c.socket.destroy();
  });
});
