// The shell of every server-rendered page (sign-in, consent, device, logout, the vault's connect pages): one style,
// strict headers (no caching, no framing, no script), and HTML escaping. A shared leaf: the authorization server's
// pages and the vault's use it without depending on each other.
import type { FastifyReply } from 'fastify';

export const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The page colours, light and dark. The accent (buttons, links, focus rings) is a CSS variable a space's brand may
 * set; registry/branding.ts refuses brand colours that would not keep 4.5:1 against these cards and button texts.
 */
export const PAGE_COLOURS = {
  lightCard: '#ffffff',
  lightAccent: '#2457c5',
  darkCard: '#1f2328',
  darkAccent: '#8ab4f8',
  darkButtonText: '#111418',
} as const;

const STYLE = `:root{color-scheme:light dark;--accent:${PAGE_COLOURS.lightAccent};--on-accent:#fff;--card:${PAGE_COLOURS.lightCard};--text:#1a1a1a;--muted:#555;--bg:#f4f5f7;--border:#888;--err:#a00;--err-bg:#fdecec}
@media (prefers-color-scheme:dark){:root{--accent:${PAGE_COLOURS.darkAccent};--on-accent:${PAGE_COLOURS.darkButtonText};--card:${PAGE_COLOURS.darkCard};--text:#e8eaed;--muted:#b4b9c0;--bg:#121417;--border:#8b929a;--err:#ffb4ab;--err-bg:#3b1d1b}}
body{font:16px/1.5 system-ui,sans-serif;color:var(--text);background:var(--bg);margin:0}
main{max-width:26rem;margin:3rem auto;padding:2rem;background:var(--card);border-radius:8px;box-shadow:0 1px 4px rgba(0,0,0,.12)}
h1{font-size:1.4rem;margin:0 0 1rem}.brand{display:flex;align-items:center;gap:.6rem;margin:0 0 .75rem;color:var(--muted);font-size:.95rem;font-weight:600}
.brand img{max-height:40px;max-width:160px;object-fit:contain}
label{display:block;margin-top:1rem;font-weight:600}input[type=text],input[type=password]{box-sizing:border-box;width:100%;padding:.55rem;font:inherit;color:var(--text);background:var(--card);border:1px solid var(--border);border-radius:4px}
input:focus,button:focus{outline:3px solid var(--accent);outline-offset:2px}
button{margin-top:1.5rem;padding:.55rem 1.5rem;font:inherit;border-radius:4px;border:1px solid var(--accent);background:var(--accent);color:var(--on-accent);cursor:pointer}
button.secondary{background:var(--card);color:var(--accent);margin-left:.5rem}ul{padding-left:1.2rem}li{margin:.3rem 0}a{color:var(--accent)}
.error{color:var(--err);background:var(--err-bg);padding:.5rem;border-radius:4px}.app{display:flex;align-items:center;gap:.75rem}.app img{width:48px;height:48px;object-fit:contain}
nav.lang{margin-top:1.5rem;font-size:.9rem;color:var(--muted)}nav.lang a[aria-current]{color:var(--text);font-weight:600;text-decoration:none}
a:focus{outline:3px solid var(--accent);outline-offset:2px}`;

/** Whose pages these are: the space's name, and its logo and accent colours when it has a brand (null = Keyward's). */
export interface PageBrand {
  name: string;
  logo?: string | null;
  accentLight?: string | null;
  accentDark?: string | null;
}

const HEX = /^#[0-9a-f]{6}$/;
/** The brand's colours over the defaults; checked again here (only #rrggbb reaches the style sheet). */
function brandStyle(b: PageBrand | undefined): string {
  const light = b?.accentLight && HEX.test(b.accentLight) ? `:root{--accent:${b.accentLight}}` : '';
  const dark = b?.accentDark && HEX.test(b.accentDark) ? `@media (prefers-color-scheme:dark){:root{--accent:${b.accentDark}}}` : '';
  return light + dark;
}

/**
 * The header above the title: the logo (decorative: the name beside it says whose page this is) and the name. A
 * logo on another host gets no Referer: the page's address (an interaction's id) is not its business.
 */
function brandHeader(b: PageBrand | undefined): string {
  if (!b) return '';
  const logo = b.logo ? `<img src="${esc(b.logo)}" alt="" referrerpolicy="no-referrer">` : '';
  return `<header class="brand">${logo}<span>${esc(b.name)}</span></header>`;
}

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
 * `brand`: whose page (a space's name, or its full brand); `lang`: the language the page is written in (BCP 47).
 * Images: https ones (a client's logo, a brand's logo URL) and data: ones (an uploaded brand logo).
 */
export function page(
  reply: FastifyReply,
  status: number,
  title: string,
  body: string,
  brand?: PageBrand | string,
  redirectTo?: string,
  lang = 'en',
): FastifyReply {
  const b = typeof brand === 'string' ? { name: brand } : brand;
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('pragma', 'no-cache')
    .header('x-frame-options', 'DENY')
    .header(
      'content-security-policy',
      `default-src 'none'; style-src 'unsafe-inline'; img-src https: http: data:; form-action 'self'${redirectTo ? ` ${sourceOf(redirectTo)}` : ''}; frame-ancestors 'none'; base-uri 'none'`,
    ).send(`<!doctype html><html lang="${esc(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="color-scheme" content="light dark"><title>${esc(title)}${b ? ` · ${esc(b.name)}` : ''}</title><style>${STYLE}${brandStyle(b)}</style></head><body><main>
${brandHeader(b)}<h1>${esc(title)}</h1>
${body}</main></body></html>`);
}
