// The vault's connect pages (the answer to a connect link and to the provider's callback) in the person's language,
// English and German, as the sign-in pages (src/page-locale.ts picks the language). One catalogue per language,
// keyed alike (the type says so). What a provider said in an error stays in its own words.
import { fill, type Locale } from '../page-locale.js';

const en = {
  madeTitle: 'Connection made',
  made: '"{name}" is connected. You can close this window.',
  notMadeTitle: 'Connection not made',
  linkUsed: 'This connect link has been used already or has expired. Ask for a new one.',
  linkElsewhere: 'This connect link belongs to another space or to a connection that was deleted.',
  providerGone: 'The provider "{provider}" is no longer in the catalog.',
  noAuthorizationUrl: 'The provider client has no authorization URL; set one first.',
  noState: 'The provider sent no state; start again from the connect link.',
  otherBrowser: 'This consent was started in another browser (or cookies are blocked). Open the connect link in this browser.',
  consentDone: 'This consent has been completed already or took too long. Ask for a new connect link.',
  deletedMeanwhile: 'The connection was deleted while the consent ran.',
  providerDenied: 'The provider did not grant access ({said}). Nothing was changed.',
  noCode: 'The provider sent no authorization code.',
  exchangeRefused: 'The provider refused the code exchange{status}: {said}.',
};
export type ConnectMessages = typeof en;

const de: ConnectMessages = {
  madeTitle: 'Verbindung hergestellt',
  made: '„{name}“ ist verbunden. Sie können dieses Fenster schließen.',
  notMadeTitle: 'Verbindung nicht hergestellt',
  linkUsed: 'Dieser Verbindungslink wurde bereits verwendet oder ist abgelaufen. Fordern Sie einen neuen an.',
  linkElsewhere: 'Dieser Verbindungslink gehört zu einem anderen Bereich oder zu einer gelöschten Verbindung.',
  providerGone: 'Der Anbieter „{provider}“ ist nicht mehr im Katalog.',
  noAuthorizationUrl: 'Der Anbieter-Client hat keine Autorisierungs-URL; legen Sie zuerst eine fest.',
  noState: 'Der Anbieter hat keinen State gesendet; beginnen Sie erneut mit dem Verbindungslink.',
  otherBrowser: 'Diese Zustimmung wurde in einem anderen Browser begonnen (oder Cookies sind blockiert). Öffnen Sie den Verbindungslink in diesem Browser.',
  consentDone: 'Diese Zustimmung wurde bereits abgeschlossen oder hat zu lange gedauert. Fordern Sie einen neuen Verbindungslink an.',
  deletedMeanwhile: 'Die Verbindung wurde gelöscht, während die Zustimmung lief.',
  providerDenied: 'Der Anbieter hat den Zugriff nicht gewährt ({said}). Es wurde nichts geändert.',
  noCode: 'Der Anbieter hat keinen Autorisierungscode gesendet.',
  exchangeRefused: 'Der Anbieter hat den Tausch des Codes abgelehnt{status}: {said}.',
};

const CATALOGUES: Record<Locale, ConnectMessages> = { en, de };
export type ConnectMessageKey = keyof ConnectMessages;

/** A connect page message in `locale` with its {placeholders} filled (plain text: escape it where it goes into HTML). */
export const t = (locale: Locale, key: ConnectMessageKey, vars: Record<string, string | number> = {}): string => fill(CATALOGUES[locale][key], vars);
