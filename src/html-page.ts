// The shell of every server-rendered page (sign-in, consent, device, logout, the vault's connect pages): one style,
// strict headers (no caching, no framing, no script), and HTML escaping. A shared leaf: the authorization server's
// pages and the vault's use it without depending on each other.
import type { FastifyReply } from 'fastify';

export const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;color:#1a1a1a;background:#f4f5f7;margin:0}
main{max-width:26rem;margin:3rem auto;padding:2rem;background:#fff;border-radius:8px;box-shadow:0 1px 4px rgba(0,0,0,.12)}
h1{font-size:1.4rem;margin:0 0 1rem}p.space{color:#555;margin:0 0 .25rem;font-size:.9rem}
label{display:block;margin-top:1rem;font-weight:600}input[type=text],input[type=password]{box-sizing:border-box;width:100%;padding:.55rem;font:inherit;border:1px solid #888;border-radius:4px}
input:focus,button:focus{outline:3px solid #2457c5;outline-offset:2px}
button{margin-top:1.5rem;padding:.55rem 1.5rem;font:inherit;border-radius:4px;border:1px solid #2457c5;background:#2457c5;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#2457c5;margin-left:.5rem}ul{padding-left:1.2rem}li{margin:.3rem 0}
.error{color:#a00;background:#fdecec;padding:.5rem;border-radius:4px}.app{display:flex;align-items:center;gap:.75rem}.app img{width:48px;height:48px;object-fit:contain}
nav.lang{margin-top:1.5rem;font-size:.9rem;color:#555}nav.lang a{color:#2457c5}nav.lang a[aria-current]{color:#1a1a1a;font-weight:600;text-decoration:none}
a:focus{outline:3px solid #2457c5;outline-offset:2px}`;

/** A CSP source for a redirect URI: browsers apply form-action to the redirect that follows a form post too. */
export function sourceOf(uri: string): string {
  try {
    const u = new URL(uri);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.origin : u.protocol;
  } catch {
    return "'none'";
  }
}

/**
 * Headers of every interaction page: no caching, no framing, no script; forms post here (then to `redirectTo`).
 * `lang`: the language the page is written in (a BCP 47 tag).
 */
export function page(reply: FastifyReply, status: number, title: string, body: string, spaceName?: string, redirectTo?: string, lang = 'en'): FastifyReply {
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('pragma', 'no-cache')
    .header('x-frame-options', 'DENY')
    .header(
      'content-security-policy',
      `default-src 'none'; style-src 'unsafe-inline'; img-src https: http:; form-action 'self'${redirectTo ? ` ${sourceOf(redirectTo)}` : ''}; frame-ancestors 'none'; base-uri 'none'`,
    ).send(`<!doctype html><html lang="${esc(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)}${spaceName ? ` · ${esc(spaceName)}` : ''}</title><style>${STYLE}</style></head><body><main>
${spaceName ? `<p class="space">${esc(spaceName)}</p>` : ''}<h1>${esc(title)}</h1>
${body}</main></body></html>`);
}
