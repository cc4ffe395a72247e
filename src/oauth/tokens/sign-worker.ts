// Where access tokens are signed. Measured here (Node 20, OpenSSL 3, 2 cores): an ES256 signature costs ~30 µs in
// a tight loop but ~70 µs or more when each one sits between requests, because the HTTP work in between evicts
// OpenSSL's P-256 precomputed tables from the core's caches. So signatures are always made in groups: the requests
// of one event-loop turn are signed back to back, either
//  - on a signing thread ('thread'), which keeps the tables warm and takes the arithmetic off the event loop: the
//    choice when the process has a CPU to spare (one message per group each way; a message per signature measured
//    3x slower here: every message wakes the event loop), or
//  - on the event loop itself ('loop'), when every CPU already runs a server process (KEYWARD_WORKERS): a thread
//    would only compete with the other processes.
// Same process, same key material, same algorithm: only where the arithmetic runs changes. If the thread fails,
// signing falls back to the event loop.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { sign, type KeyObject } from 'node:crypto';
import type { SigningAlg } from '../../registry/capabilities.js';

/**
 * node:crypto's parameters for every algorithm Keyward signs with (capabilities.ts SIGNING_ALGS; the type makes a
 * new algorithm fail to compile until it has its entry): the digest (none for EdDSA, which hashes itself) and, for
 * ECDSA, the IEEE P1363 signature form JWS wants (RFC 7518 §3.4). RS256 is RSASSA-PKCS1-v1_5, node's RSA default.
 */
export const SIGN_PARAMS: Record<SigningAlg, { digest: string | null; dsaEncoding?: 'ieee-p1363' }> = {
  ES256: { digest: 'sha256', dsaEncoding: 'ieee-p1363' },
  RS256: { digest: 'sha256' },
  EdDSA: { digest: null },
};

// Plain JS (eval'd): runs from src under the test runner and from dist alike. Mirrors signInput below, with the
// same parameter table.
const WORKER = `
const { parentPort } = require('node:worker_threads');
const { sign } = require('node:crypto');
const PARAMS = ${JSON.stringify(SIGN_PARAMS)};
const keys = new Map();
parentPort.on('message', (m) => {
  if (m.keys) for (const [id, alg, key] of m.keys) keys.set(id, { alg, key });
  const out = new Array(m.jobs.length);
  for (let i = 0; i < m.jobs.length; i++) {
    const [keyId, input] = m.jobs[i];
    try {
      const k = keys.get(keyId);
      const data = Buffer.from(input);
      const p = PARAMS[k.alg];
      const sig = sign(p.digest, data, p.dsaEncoding ? { key: k.key, dsaEncoding: p.dsaEncoding } : k.key);
      out[i] = sig.toString('base64url');
    } catch (err) {
      out[i] = null;
    }
  }
  parentPort.postMessage({ batch: m.batch, out });
});
`;

/** The base64url JWS signature of `input` with one of the algorithms of SIGN_PARAMS. */
export function signInput(alg: string, key: KeyObject, input: string): string {
  const p = SIGN_PARAMS[alg as SigningAlg];
  if (!p) throw new Error(`cannot sign with ${alg}`);
  return sign(p.digest, Buffer.from(input), p.dsaEncoding ? { key, dsaEncoding: p.dsaEncoding } : key).toString('base64url');
}

export interface SignerKey {
  kid: string;
  alg: string;
  privateKey: KeyObject;
}

interface Job {
  keyId: number;
  key: SignerKey;
  input: string;
  resolve: (sig: string) => void;
  reject: (err: unknown) => void;
}

export type SigningPlace = 'thread' | 'loop';

export class SignWorker {
  private worker: Worker | undefined;
  private readonly keyIds = new Map<string, { id: number; key: KeyObject }>();
  private nextKeyId = 1;
  private newKeys: [number, string, KeyObject][] = [];
  private queue: Job[] = [];
  private scheduled = false;
  private readonly inFlight = new Map<number, Job[]>();
  private nextBatch = 1;

  constructor(private place: SigningPlace) {}

  get where(): SigningPlace {
    return this.place;
  }

  /** The base64url signature of `input`, made with the other requests of this event-loop turn. */
  sign(key: SignerKey, input: string): Promise<string> {
    return new Promise((resolve, reject) => {
      this.queue.push({ keyId: this.keyIdOf(key), key, input, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** The thread knows keys by number; a key is sent to it once. */
  private keyIdOf(key: SignerKey): number {
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
    return known.id;
  }

  private flush(): void {
    this.scheduled = false;
    const jobs = this.queue;
    this.queue = [];
    if (!jobs.length) return;
    if (this.place === 'loop') return signHere(jobs);
    let worker: Worker;
    try {
      worker = this.start();
    } catch {
      this.place = 'loop';
      return signHere(jobs);
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
    const fail = () => {
      // The groups in flight are signed here instead; later ones too.
      this.place = 'loop';
      this.worker = undefined;
      const pending = [...this.inFlight.values()].flat();
      this.inFlight.clear();
      signHere(pending);
    };
    w.on('error', fail);
    w.on('exit', fail);
    this.worker = w;
    return w;
  }
}

function signHere(jobs: Job[]): void {
  for (const j of jobs) {
    try {
      j.resolve(signInput(j.key.alg, j.key.privateKey, j.input));
    } catch (err) {
      j.reject(err);
    }
  }
}

/**
 * KEYWARD_SIGN_THREAD=1 or 0 forces the thread or the event loop; by default the thread when this machine has more
 * CPUs than there are server processes on it.
 */
export function signingPlace(processes: number, env: NodeJS.ProcessEnv = process.env): SigningPlace {
  if (env.KEYWARD_SIGN_THREAD === '1') return 'thread';
  if (env.KEYWARD_SIGN_THREAD === '0') return 'loop';
  return availableParallelism() > processes ? 'thread' : 'loop';
}

let current: SignWorker | undefined;

/** Sets where this process signs (the server calls it at start with its number of processes). */
export function configureSigning(place: SigningPlace): void {
  current = new SignWorker(place);
}

/** This process's signer; one process and the default place until configureSigning is called. */
export function signer(): SignWorker {
  return (current ??= new SignWorker(signingPlace(1)));
}
