// JWS signing of access tokens on a worker thread. Measured here (Node 20, OpenSSL 3, 2 cores): an ES256 signature
// costs ~29 µs in a tight loop but ~68 µs per request inside the HTTP server, because the HTTP work in between
// evicts OpenSSL's P-256 precomputed tables from the core's caches. A thread that only signs keeps them warm and
// takes the signing off the event loop. Signatures are requested in groups (one message per event-loop turn), the
// key is sent to the thread once per key. Same process, same key material, same algorithm: only where the
// arithmetic runs changes. If the thread fails, signing falls back to the event loop.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { KeyObject } from 'node:crypto';

// Plain JS (eval'd): runs from src under the test runner and from dist alike.
const WORKER = `
const { parentPort } = require('node:worker_threads');
const { sign } = require('node:crypto');
const keys = new Map();
parentPort.on('message', (m) => {
  if (m.keys) for (const [id, alg, key] of m.keys) keys.set(id, { alg, key });
  const out = new Array(m.jobs.length);
  for (let i = 0; i < m.jobs.length; i++) {
    const [keyId, input] = m.jobs[i];
    try {
      const k = keys.get(keyId);
      const data = Buffer.from(input);
      const sig = k.alg === 'ES256' ? sign('sha256', data, { key: k.key, dsaEncoding: 'ieee-p1363' }) : k.alg === 'RS256' ? sign('sha256', data, k.key) : sign(null, data, k.key);
      out[i] = sig.toString('base64url');
    } catch (err) {
      out[i] = null;
    }
  }
  parentPort.postMessage({ batch: m.batch, out });
});
`;

interface Job {
  keyId: number;
  input: string;
  resolve: (sig: string) => void;
  reject: (err: unknown) => void;
}

export interface SignerKey {
  kid: string;
  alg: string;
  privateKey: KeyObject;
}

export class SignWorker {
  private worker: Worker | undefined;
  private failed = false;
  private readonly keyIds = new Map<string, { id: number; key: KeyObject }>();
  private nextKeyId = 1;
  private newKeys: [number, string, KeyObject][] = [];
  private queue: Job[] = [];
  private scheduled = false;
  private readonly inFlight = new Map<number, Job[]>();
  private nextBatch = 1;

  /** False when signing should stay on the event loop (one CPU, or the thread failed). */
  get usable(): boolean {
    return !this.failed;
  }

  /** The base64url signature of `input`. */
  sign(key: SignerKey, input: string): Promise<string> {
    return new Promise((resolve, reject) => {
      // The key cache reloads its rows (new objects, same keys) from time to time: identify keys by alg and kid.
      // A new object under a known name is compared once (a kid is not trusted to be unique across spaces).
      const name = `${key.alg}:${key.kid}`;
      let known = this.keyIds.get(name);
      if (known && known.key !== key.privateKey) {
        if (known.key.equals(key.privateKey)) known.key = key.privateKey;
        else known = undefined;
      }
      if (!known) {
        known = { id: this.nextKeyId++, key: key.privateKey };
        this.keyIds.set(name, known);
        this.newKeys.push([known.id, key.alg, key.privateKey]);
      }
      const keyId = known.id;
      this.queue.push({ keyId, input, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    const jobs = this.queue;
    this.queue = [];
    if (!jobs.length) return;
    let worker: Worker;
    try {
      worker = this.start();
    } catch (err) {
      for (const j of jobs) j.reject(err);
      return;
    }
    const batch = this.nextBatch++;
    // Referenced only while signatures are pending: an idle signing thread must not keep the process alive, a busy
    // one must (a caller awaiting a signature may be all that is left on the event loop).
    if (!this.inFlight.size) worker.ref();
    this.inFlight.set(batch, jobs);
    const keys = this.newKeys;
    this.newKeys = [];
    worker.postMessage({ batch, keys: keys.length ? keys : undefined, jobs: jobs.map((j) => [j.keyId, j.input]) });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(WORKER, { eval: true });
    w.unref();
    w.on('message', (m: { batch: number; out: (string | null)[] }) => {
      const jobs = this.inFlight.get(m.batch);
      this.inFlight.delete(m.batch);
      if (!this.inFlight.size) w.unref();
      jobs?.forEach((j, i) => {
        const sig = m.out[i];
        if (sig) j.resolve(sig);
        else j.reject(new Error('signing failed on the signing thread'));
      });
    });
    const fail = (err: unknown) => {
      this.failed = true;
      this.worker = undefined;
      for (const jobs of this.inFlight.values()) for (const j of jobs) j.reject(err);
      this.inFlight.clear();
    };
    w.on('error', fail);
    w.on('exit', (code) => fail(new Error(`the signing thread exited (${code})`)));
    this.worker = w;
    return w;
  }
}

/** One signing thread per process, when there is a second CPU for it; KEYWARD_SIGN_THREAD=0 turns it off. */
export const signWorker: SignWorker | undefined =
  availableParallelism() > 1 && process.env.KEYWARD_SIGN_THREAD !== '0' ? new SignWorker() : undefined;
