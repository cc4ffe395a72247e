// The admin commands' HTTP client. Every admin command goes through the running server's admin API rather than
// the store: the embedded store can be open in one process only, and the API applies RBAC and the audit log.
import { Command, Option } from 'commander';
import { storedLogin } from './credentials.js';

export const API_PREFIX = '/admin/api/v1';
const DEFAULT_URL = 'http://localhost:8080';
const TIMEOUT_MS = 30_000;
/** Page size used when a listing command follows next_cursor (the API's maximum). */
const PAGE_SIZE = 200;

/** A failure meant for people: cli.ts prints `keyward: <message>` and exits 1. */
export class CliError extends Error {
  /** The server's HTTP status when the error is its answer. */
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export interface ApiOptions {
  url?: string;
  token?: string;
  space?: string;
  json?: boolean;
}

/**
 * Adds the connection options to an admin command. They sit on each command (not the program) so that
 * `keyward clients list --help` shows them and `--space` exists only where a space applies.
 */
export function apiCommand(parent: Command, nameAndArgs: string, description: string, opts: { space?: boolean } = {}): Command {
  const cmd = parent.command(nameAndArgs).description(description);
  const group = 'Connection options:';
  cmd.addOption(
    new Option('--url <url>', `server base URL (env KEYWARD_URL, else KEYWARD_PUBLIC_URL, else http://localhost:$KEYWARD_PORT, else ${DEFAULT_URL})`).helpGroup(
      group,
    ),
  );
  cmd.addOption(new Option('--token <token>', 'admin API token; prefer the env var KEYWARD_ADMIN_TOKEN (a flag ends up in shell history)').helpGroup(group));
  if (opts.space) cmd.addOption(new Option('--space <slug>', 'space to work in').default('default').helpGroup(group));
  cmd.addOption(new Option('--json', 'print exactly one JSON document on stdout instead of text').helpGroup(group));
  return cmd;
}

/** Help text for command groups, whose subcommands carry the connection options. */
export const CONNECTION_HELP = `
Every subcommand takes --url, --token, --json (and --space where a space applies).
Set KEYWARD_ADMIN_TOKEN rather than passing --token, which ends up in shell history.
Listings with --json follow every page and print { "items": [...] }.`;

interface ErrorBody {
  error?: string;
  message?: string;
  field?: string;
}

type Query = Record<string, string | number | boolean | undefined>;

/** The server `keyward serve` starts with the same environment: it listens on KEYWARD_PORT. */
function localServer(port: string | undefined): string | undefined {
  return port && /^\d{1,5}$/.test(port) && Number(port) > 0 ? `http://localhost:${Number(port)}` : undefined;
}

export class Api {
  readonly base: string;
  readonly space: string;
  readonly json: boolean;
  private readonly token: string;

  /** `anonymous`: for `keyward login`, which has no token yet. */
  constructor(opts: ApiOptions, env: NodeJS.ProcessEnv = process.env, anonymous = false) {
    const raw = opts.url ?? env.KEYWARD_URL ?? env.KEYWARD_PUBLIC_URL ?? localServer(env.KEYWARD_PORT) ?? DEFAULT_URL;
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new CliError(`--url must be an absolute http(s) URL, got "${raw}"`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new CliError(`--url must use http or https, got "${raw}"`);
    this.base = raw.replace(/\/+$/, '');
    // An empty variable counts as unset (a shell's `KEYWARD_ADMIN_TOKEN= keyward …`).
    const token = opts.token || env.KEYWARD_ADMIN_TOKEN || storedLogin(this.base, env)?.token || (anonymous ? '' : undefined);
    if (token === undefined) {
      throw new CliError(
        `no admin API token for ${this.base}: run \`keyward login\`, or set KEYWARD_ADMIN_TOKEN=<token> (tokens are made with \`keyward admins create-token\`, or on first start from KEYWARD_BOOTSTRAP_ADMIN_TOKEN)`,
      );
    }
    this.token = token;
    this.space = opts.space ?? 'default';
    this.json = opts.json === true;
  }

  /** Path of a resource in the current space. */
  inSpace(path = ''): string {
    return `/spaces/${enc(this.space)}${path}`;
  }

  async request<T>(method: string, path: string, body?: unknown, query: Query = {}): Promise<T> {
    const url = new URL(this.base + API_PREFIX + path);
    for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.set(k, String(v));
    let res: Response;
    try {
      res = await fetch(url, {
        method,
        headers: {
          ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
          accept: 'application/json',
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        body: body !== undefined ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (err) {
      throw this.connectionError(err);
    }
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // Something answered, but not Keyward (a proxy page, another service on the port, ...).
      throw new CliError(`${this.base} answered ${res.status} with something that is not JSON: is this a Keyward server?`);
    }
    if (!res.ok) throw this.apiError(res.status, (parsed ?? {}) as ErrorBody);
    return parsed as T;
  }

  get = <T>(path: string, query?: Query) => this.request<T>('GET', path, undefined, query);
  post = <T>(path: string, body: unknown = {}) => this.request<T>('POST', path, body);
  patch = <T>(path: string, body: unknown) => this.request<T>('PATCH', path, body);
  put = <T>(path: string, body: unknown) => this.request<T>('PUT', path, body);
  delete = (path: string) => this.request<void>('DELETE', path);

  /** Follows next_cursor through every page of a listing. */
  async all<T>(path: string, query: Query = {}): Promise<T[]> {
    const items: T[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.get<{ items: T[]; next_cursor?: string | null }>(path, { ...query, limit: PAGE_SIZE, cursor });
      items.push(...page.items);
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
    return items;
  }

  private apiError(status: number, body: ErrorBody): CliError {
    const message = body.message ?? `the server answered HTTP ${status}`;
    const field = body.field ? ` (field: ${body.field})` : '';
    // Without a token (keyward login) a 401 is about the e-mail and password, which the message says.
    if (status === 401 && this.token) return new CliError(`${message}: check KEYWARD_ADMIN_TOKEN (or --token) for ${this.base}`, status);
    if (status === 403) return new CliError(`forbidden: ${message}${field}`, status);
    return new CliError(message + field, status);
  }

  private connectionError(err: unknown): CliError {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    const code = cause?.code ?? (err as { name?: string }).name;
    if (code === 'ECONNREFUSED') {
      return new CliError(
        `cannot connect to the Keyward server at ${this.base} (connection refused). Is it running? Start it with \`keyward serve\`, or point --url / KEYWARD_URL at it.`,
      );
    }
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new CliError(`cannot resolve the host of ${this.base}: check --url / KEYWARD_URL`);
    if (code === 'TimeoutError') return new CliError(`the Keyward server at ${this.base} did not answer within ${TIMEOUT_MS / 1000} s`);
    return new CliError(`cannot reach the Keyward server at ${this.base}: ${cause?.message ?? (err as Error).message}`);
  }
}

export const enc = encodeURIComponent;

/** The Api for a command's parsed options (the command is the last argument commander passes to an action). */
export const apiOf = (cmd: Command): Api => new Api(cmd.opts<ApiOptions>());

/** Destructive commands ask for --yes, so a typo or a script cannot delete by accident. */
export function requireYes(opts: { yes?: boolean }, what: string): void {
  if (!opts.yes) throw new CliError(`refusing to delete ${what} without --yes (this cannot be undone)`);
}
