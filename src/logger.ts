// Logs (pino), in one of two formats: JSON, one object a line, for a log collector; or pretty, lines for people on a
// terminal (pino-pretty, run in this process: a worker-thread transport would cost a thread's memory and could lose
// the last lines on exit). Nothing secret is logged: request lines carry the path without its query string
// (authorization requests and setup links carry codes there) and no headers; known secret keys are redacted wherever
// they appear, before either format sees them.
import { createRequire } from 'node:module';
import { pino, type Logger } from 'pino';
import type { PrettyOptions } from 'pino-pretty';
import type { Config } from './config/index.js';

export type LogFormat = Config['logFormat'];

export const REDACT_PATHS = [
  'password',
  '*.password',
  'client_secret',
  '*.client_secret',
  'token',
  '*.token',
  'authorization',
  '*.authorization',
  'req.headers.authorization',
  'req.headers.cookie',
];

/** Writes to `destination` (default: stdout) in the given format. */
export function createLogger(level: Config['logLevel'], destination?: pino.DestinationStream, format: LogFormat = 'json'): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      serializers: {
        req: (req: { method: string; url: string; id?: string }) => ({ id: req.id, method: req.method, path: pathOf(req.url) }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    },
    format === 'pretty' ? prettyDestination(destination) : destination,
  );
}

/** A URL's path: the query string is left out (codes, tokens and setup links live there). */
export const pathOf = (url: string): string => {
  const q = url.indexOf('?');
  return q < 0 ? url : url.slice(0, q);
};

/**
 * pino-pretty's formatter over each line pino writes, synchronously (pino's own stdout destination). Loaded only in
 * this format: a server writing JSON does not hold it.
 */
function prettyDestination(destination: pino.DestinationStream | undefined): pino.DestinationStream {
  const pretty = createRequire(import.meta.url)('pino-pretty') as {
    prettyFactory: (o: PrettyOptions) => (log: object) => string;
    isColorSupported: boolean;
  };
  const out = destination ?? pino.destination({ fd: 1, sync: true });
  const prettify = pretty.prettyFactory({
    ignore: 'pid,hostname',
    translateTime: 'SYS:yyyy-mm-dd HH:MM:ss.l',
    // Colours on the terminal only, never into a file or a test's stream.
    colorize: destination === undefined && pretty.isColorSupported,
  });
  return { write: (line: string) => void out.write(prettify(forPeople(JSON.parse(line) as Record<string, unknown>))) };
}

/** A request line reads as one line, `GET /path 200 1.25 ms (req-7)`, instead of a message and five fields. */
function forPeople(log: Record<string, unknown>): Record<string, unknown> {
  if (typeof log.responseTime !== 'number' || typeof log.method !== 'string') return log;
  const { method, path, statusCode, responseTime, reqId, msg: _msg, ...rest } = log;
  return { ...rest, msg: `${method} ${String(path)} ${String(statusCode)} ${responseTime} ms (${String(reqId)})` };
}

/**
 * The start-up lines for people (where the server listens, what to do next), written whatever the log level: people,
 * supervisors and the bench wait for "listening on". Pretty: one entry of several lines, as people read them. JSON:
 * one object whose message is the first line and whose fields carry the rest (the URLs), for a log collector.
 */
export type Say = (lines: string[], fields?: Record<string, unknown>) => void;

export function sayer(logger: Logger, format: LogFormat): Say {
  const out = logger.child({}, { level: 'info' });
  return format === 'pretty' ? (lines) => out.info(lines.join('\n')) : (lines, fields = {}) => out.info(fields, lines[0]);
}

type LogMethod = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
type Bindings = Record<string, unknown>;
type ChildOptions = pino.ChildLoggerOptions | undefined;

/**
 * The per-request logger Fastify asks for (bindings: the request id), made only when a line is written at an enabled
 * level. pino's child() serializes its bindings through the redaction paths at once: measured 1–2 µs per request,
 * 3–4% of a token request's CPU, and most requests on the OAuth endpoints never log.
 */
export class RequestLogger {
  private made: Logger | undefined;

  constructor(
    private readonly parent: Logger,
    private readonly bindings: Bindings,
    private readonly options: ChildOptions,
  ) {}

  private get logger(): Logger {
    return (this.made ??= this.parent.child(this.bindings, this.options) as Logger);
  }

  get level(): string {
    return this.made?.level ?? this.options?.level ?? this.parent.level;
  }

  private write(method: LogMethod, args: unknown[]): void {
    // A route's own log level (Fastify's logLevel option) lives in the options: then the child decides.
    if (!this.made && !this.options?.level && !this.parent.isLevelEnabled(method)) return;
    (this.logger[method] as (...a: unknown[]) => void)(...args);
  }

  fatal(...args: unknown[]): void {
    this.write('fatal', args);
  }
  error(...args: unknown[]): void {
    this.write('error', args);
  }
  warn(...args: unknown[]): void {
    this.write('warn', args);
  }
  info(...args: unknown[]): void {
    this.write('info', args);
  }
  debug(...args: unknown[]): void {
    this.write('debug', args);
  }
  trace(...args: unknown[]): void {
    this.write('trace', args);
  }
  silent(): void {}

  child(bindings: Bindings, options?: ChildOptions): Logger {
    return this.logger.child(bindings, options) as Logger;
  }
}

/** Fastify's childLoggerFactory: an empty options object (Fastify's default) is dropped, it sends pino down its slow path. */
export function requestLogger(parent: Logger, bindings: Bindings, options: ChildOptions): RequestLogger {
  return new RequestLogger(parent, bindings, options && Object.keys(options).length ? options : undefined);
}
