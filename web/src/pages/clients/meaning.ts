// What a client's settings mean, in plain words, and which of them are risky: computed from the form's values as
// they are typed, so the summary and the warnings follow every change before anything is saved.
import { formatDuration, t } from '../../i18n';
import { splitLines, usesRefresh, type ClientFormValues, type TtlMode } from './form-model';
import { grantName } from './grants';

export interface SpaceDefaults {
  access_token_ttl: number;
  refresh_token_ttl: number;
}

export interface Warning {
  id: string;
  text: string;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** A lifetime as people say it: "8 hours", or null for "never expires" (custom values that do not parse: null too). */
function lifetime(mode: TtlMode, seconds: string, spaceValue: number | undefined): string | null {
  if (mode === 'never') return null;
  const s = mode === 'default' ? spaceValue : Number(seconds);
  return s && Number.isInteger(s) && s > 0 ? formatDuration(s) : '…';
}

export function summaryOf(v: ClientFormValues, defaults: SpaceDefaults | undefined, active = true): string[] {
  const out: string[] = [];
  if (!active) out.push(t('clients.summary.inactive'));
  out.push(
    v.client_type === 'public'
      ? t('clients.summary.public')
      : t('clients.summary.confidential', { method: t(`clients.form.method.${v.token_endpoint_auth_method}`) }),
  );
  out.push(v.grant_types.length ? t('clients.summary.grants', { list: v.grant_types.map(grantName).join(', ') }) : t('clients.summary.noGrants'));
  const redirects = splitLines(v.redirect_uris).length;
  out.push(redirects ? t('clients.summary.redirects', { n: redirects }) : t('clients.summary.noRedirects'));
  const access = lifetime(v.access_ttl_mode, v.access_ttl, defaults?.access_token_ttl);
  out.push(access === null ? t('clients.summary.accessNever') : t('clients.summary.access', { value: access }));
  if (usesRefresh(v)) {
    const limit =
      v.refresh_limit_mode === 'unlimited'
        ? t('clients.summary.limitUnlimited')
        : Number(v.refresh_limit) === 0
          ? t('clients.summary.limitZero')
          : t('clients.summary.limitN', { n: v.refresh_limit });
    const refresh = lifetime(v.refresh_ttl_mode, v.refresh_ttl, defaults?.refresh_token_ttl);
    out.push(refresh === null ? t('clients.summary.refreshNever', { limit }) : t('clients.summary.refresh', { value: refresh, limit }));
  } else {
    out.push(t('clients.summary.noRefresh'));
  }
  out.push(v.access_token_format === 'opaque' ? t('clients.summary.formatOpaque') : t('clients.summary.formatJwt'));
  return out;
}

export function warningsOf(v: ClientFormValues): Warning[] {
  const out: Warning[] = [];
  if (v.client_type === 'public') out.push({ id: 'public', text: t('clients.warnings.public') });
  if (v.access_ttl_mode === 'never') out.push({ id: 'accessNever', text: t('clients.warnings.accessNever') });
  const refreshLimited = v.refresh_limit_mode === 'limited';
  if (usesRefresh(v) && !(refreshLimited && Number(v.refresh_limit) === 0)) {
    if (v.refresh_ttl_mode === 'never') out.push({ id: 'refreshNever', text: t('clients.warnings.refreshNever') });
    if (!refreshLimited) out.push({ id: 'refreshUnlimited', text: t('clients.warnings.refreshUnlimited') });
  }
  for (const uri of splitLines(v.redirect_uris)) {
    let url: URL;
    try {
      url = new URL(uri);
    } catch {
      continue;
    }
    if (url.protocol !== 'http:') continue;
    if (LOOPBACK.has(url.hostname)) out.push({ id: `loopback:${uri}`, text: t('clients.warnings.loopback', { uri }) });
    else out.push({ id: `http:${uri}`, text: t('clients.warnings.http', { uri }) });
  }
  if (v.grant_types.includes('password')) out.push({ id: 'password', text: t('clients.warnings.password') });
  if (v.grant_types.includes('implicit')) out.push({ id: 'implicit', text: t('clients.warnings.implicit') });
  return out;
}
