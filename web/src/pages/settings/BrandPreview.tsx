// A faithful miniature of the space's sign-in page (src/html-page.ts and the login form of
// src/oauth/interaction/pages.ts) in light and dark, drawn with the same colours, logo and name as the form holds
// now. A React drawing rather than a frame of the real page: the sign-in pages forbid framing (frame-ancestors
// 'none'), and this one follows every keystroke. It is a picture: nothing in it can be focused or typed into.
import { PAGE_COLOURS } from './setting-rules';
import { t } from '../../i18n';

/** The page colours of each scheme (src/html-page.ts STYLE's variables). */
const SCHEMES = {
  light: {
    bg: '#f4f5f7',
    card: PAGE_COLOURS.lightCard,
    text: '#1a1a1a',
    muted: '#555555',
    border: '#888888',
    accent: PAGE_COLOURS.lightAccent,
    onAccent: '#ffffff',
  },
  dark: {
    bg: '#121417',
    card: PAGE_COLOURS.darkCard,
    text: '#e8eaed',
    muted: '#b4b9c0',
    border: '#8b929a',
    accent: PAGE_COLOURS.darkAccent,
    onAccent: PAGE_COLOURS.darkButtonText,
  },
} as const;

export interface BrandLook {
  name: string;
  logo: string | null;
  /** Only colours that pass the server's checks reach here (else the default stays). */
  accentLight: string | null;
  accentDark: string | null;
}

function Miniature({ scheme, look }: { scheme: 'light' | 'dark'; look: BrandLook }) {
  const c = SCHEMES[scheme];
  const accent = (scheme === 'light' ? look.accentLight : look.accentDark) ?? c.accent;
  const field = { border: `1px solid ${c.border}`, borderRadius: 4, height: 28, background: c.card };
  return (
    <figure className="brand-preview" data-scheme={scheme} style={{ background: c.bg, color: c.text }}>
      <figcaption className="brand-preview-caption" style={{ color: c.muted }}>
        {scheme === 'light' ? t('settings.previewLight') : t('settings.previewDark')}
      </figcaption>
      <div className="brand-preview-card" style={{ background: c.card }}>
        <div className="brand-preview-header" style={{ color: c.muted }}>
          {look.logo ? <img src={look.logo} alt="" className="brand-preview-logo" /> : null}
          <span data-part="name">{look.name}</span>
        </div>
        <p className="brand-preview-title">{t('settings.previewSignIn')}</p>
        <p className="brand-preview-text">{t('settings.previewIntro')}</p>
        <p className="brand-preview-label">{t('settings.previewUsername')}</p>
        <div style={field} />
        <p className="brand-preview-label">{t('settings.previewPassword')}</p>
        <div style={field} />
        <span className="brand-preview-button" data-part="button" style={{ background: accent, color: c.onAccent, borderColor: accent }}>
          {t('settings.previewSignIn')}
        </span>
        <p className="brand-preview-lang" style={{ color: c.muted }}>
          {/* The real page's language switch: each language named in itself, so not from the catalogue. */}
          <span lang="en">English</span> ·{' '}
          <span lang="de" data-part="link" style={{ color: accent, textDecoration: 'underline' }}>
            Deutsch
          </span>
        </p>
      </div>
    </figure>
  );
}

/** The sign-in page as it will look, light and dark side by side. */
export function BrandPreview({ look }: { look: BrandLook }) {
  return (
    <section className="brand-previews" aria-labelledby="brand-preview-title">
      <h2 id="brand-preview-title">{t('settings.preview')}</h2>
      <p className="hint">{t('settings.previewHelp')}</p>
      <div className="brand-preview-pair">
        <Miniature scheme="light" look={look} />
        <Miniature scheme="dark" look={look} />
      </div>
    </section>
  );
}
