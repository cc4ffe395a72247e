// The language of the server's pages for people (the sign-in pages, the vault's connect pages): English and German,
// chosen by the person's own switch (a cookie), else the application's ui_locales (OIDC Core §3.1.2.1), else the
// browser's Accept-Language, else English. A shared leaf: each feature keeps its own catalogue (same keys in every
// language, checked by the type) and uses these to pick the language and fill in messages.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { esc } from './html-page.js';

export const LOCALES = ['en', 'de'] as const;
export type Locale = (typeof LOCALES)[number];
const NAMES: Record<Locale, string> = { en: 'English', de: 'Deutsch' };
const LANGUAGE: Record<Locale, string> = { en: 'Language', de: 'Sprache' };

/** A catalogue's message with its {placeholders} filled (plain text: escape it where it goes into HTML). */
export const fill = (message: string, vars: Record<string, string | number> = {}): string =>
  message.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));

/** The language of the person's switch, kept for a year so every page of every flow speaks it. */
export const LANGUAGE_COOKIE = 'kw_lang';

const supported = (tag: string): Locale | undefined => {
  const primary = tag.trim().toLowerCase().split('-')[0];
  return (LOCALES as readonly string[]).includes(primary ?? '') ? (primary as Locale) : undefined;
};

/** Accept-Language's languages, most wanted first (q=0 dropped). */
function acceptLanguages(header: string): string[] {
  return header
    .split(',')
    .map((part, i) => {
      const [tag, ...ps] = part.trim().split(';');
      const q = ps.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag ?? '', q: q === undefined ? 1 : Number(q), i };
    })
    .filter((l) => l.tag && l.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i)
    .map((l) => l.tag);
}

/** The page language: the person's switch, then the application's ui_locales, then the browser's, then English. */
export function pickLocale(a: { chosen?: string; uiLocales?: string; acceptLanguage?: string }): Locale {
  const chosen = a.chosen ? supported(a.chosen) : undefined;
  if (chosen) return chosen;
  for (const tag of (a.uiLocales ?? '').split(' ')) {
    const l = tag ? supported(tag) : undefined;
    if (l) return l;
  }
  for (const tag of acceptLanguages(a.acceptLanguage ?? '')) {
    const l = supported(tag);
    if (l) return l;
  }
  return 'en';
}

/**
 * The request's page language. A `lang` query parameter is the person's switch: it is kept in a cookie (it names a
 * language, nothing else) so that the next pages of the flow, posts included, speak it too.
 */
export function localeOf(req: FastifyRequest, reply: FastifyReply, uiLocales?: string): Locale {
  const asked = (req.query as Record<string, unknown> | undefined)?.lang;
  const switched = typeof asked === 'string' ? supported(asked) : undefined;
  if (switched) {
    const secure = req.protocol === 'https' ? '; Secure' : '';
    void reply.header('set-cookie', `${LANGUAGE_COOKIE}=${switched}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly${secure}`);
  }
  const cookie = /(?:^|;\s*)kw_lang=([a-z]{2})(?:;|$)/.exec(req.headers.cookie ?? '')?.[1];
  return pickLocale({ chosen: switched ?? cookie, uiLocales, acceptLanguage: req.headers['accept-language'] });
}

/** The language switch under a page: links to the same page (`here`, a GET URL) in each language. */
export function languageSwitch(locale: Locale, here: string): string {
  const links = LOCALES.map((l) =>
    l === locale
      ? `<a href="${esc(withLang(here, l))}" hreflang="${l}" lang="${l}" aria-current="true">${NAMES[l]}</a>`
      : `<a href="${esc(withLang(here, l))}" hreflang="${l}" lang="${l}">${NAMES[l]}</a>`,
  ).join(' · ');
  return `<nav class="lang" aria-label="${esc(LANGUAGE[locale])}">${links}</nav>`;
}

const withLang = (url: string, l: Locale) => `${url}${url.includes('?') ? '&' : '?'}lang=${l}`;
