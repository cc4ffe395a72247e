// A minimal browser for the login and consent pages: plain fetch, a cookie jar, redirects followed by hand until
// they leave the server (the client's redirect URI), forms read from the HTML.
import { eq } from 'drizzle-orm';
import { hashPassword } from '../../src/crypto/secrets.js';
import { spaces, users } from '../../src/store/schema.js';
import type { TestServer } from './server.js';

export async function createUser(s: TestServer, username: string, password: string, extra: { email?: string; disabled?: boolean } = {}): Promise<string> {
  const db = s.services.store.db;
  const [space] = await db.select().from(spaces).where(eq(spaces.slug, 'default'));
  const [u] = await db
    .insert(users)
    .values({
      spaceId: space!.id,
      username,
      usernameKey: username.toLowerCase(),
      kind: 'personal',
      passwordHash: await hashPassword(password),
      email: extra.email ?? null,
      emailVerified: !!extra.email,
      disabled: extra.disabled ?? false,
    })
    .returning({ id: users.id });
  return u!.id;
}

const unescape = (s: string) => s.replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)));

export interface Form {
  action: string;
  fields: Record<string, string>;
}

export function formOf(html: string): Form {
  const m = /<form method="post" action="([^"]*)">/.exec(html);
  if (!m) throw new Error(`no form in page: ${html.slice(0, 400)}`);
  const fields: Record<string, string> = {};
  for (const f of html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) fields[unescape(f[1]!)] = unescape(f[2]!);
  return { action: unescape(m[1]!), fields };
}

export interface Page {
  status: number;
  url: string;
  html: string;
  headers: Headers;
}

export class Browser {
  readonly jar = new Map<string, string>();
  /** `headers`: sent with every request (a browser's Accept-Language, say). */
  constructor(
    private readonly origin: string,
    private readonly headers: Record<string, string> = {},
  ) {}

  private store(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      const name = pair!.slice(0, i);
      const value = pair!.slice(i + 1);
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(c)) this.jar.delete(name);
      else this.jar.set(name, value);
    }
  }

  private cookieHeader(): Record<string, string> {
    return this.jar.size ? { cookie: [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ') } : {};
  }

  /** One request, no redirect following. */
  async request(url: string, form?: Record<string, string>): Promise<Response> {
    const res = await fetch(url, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: { ...this.headers, ...this.cookieHeader(), ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      body: form ? new URLSearchParams(form).toString() : undefined,
    });
    if (url.startsWith(this.origin)) this.store(res);
    return res;
  }

  /** Requests and follows redirects while they stay on the server; returns the page or the outside location. */
  async go(url: string, form?: Record<string, string>): Promise<Page | { location: string }> {
    let res = await this.request(url, form);
    let current = url;
    for (let i = 0; i < 10 && res.status >= 300 && res.status < 400; i++) {
      const next = new URL(res.headers.get('location')!, current).toString();
      if (!next.startsWith(this.origin)) return { location: next };
      current = next;
      res = await this.request(next);
    }
    return { status: res.status, url: current, html: await res.text(), headers: res.headers };
  }
}

export const isPage = (x: Page | { location: string }): x is Page => 'html' in x;

/** Logs in (if asked) and answers the consent page (if shown); returns where the browser was sent. */
export async function signIn(
  b: Browser,
  authUrl: string,
  user: { username: string; password: string } | null,
  decision: 'allow' | 'deny' | null = 'allow',
): Promise<string | Page> {
  let r = await b.go(authUrl);
  if (!isPage(r)) return r.location;
  if (user && /autocomplete="current-password"/.test(r.html)) {
    const f = formOf(r.html);
    r = await b.go(f.action, { ...f.fields, username: user.username, password: user.password });
    if (!isPage(r)) return r.location;
  }
  if (decision && /value="allow"/.test(r.html)) {
    const f = formOf(r.html);
    r = await b.go(f.action, { ...f.fields, decision });
    if (!isPage(r)) return r.location;
  }
  return r;
}
