// The language of the pages people sign in on (issue 12 point 7): English and German, chosen by the person's own
// switch (a cookie), else the application's ui_locales (OIDC Core §3.1.2.1), else the browser's Accept-Language, else
// English. Messages live in one catalogue per language, keyed alike, so a page can only use a message every
// language has (the type says so).
import { fill, type Locale } from '../../page-locale.js';

export { LANGUAGE_COOKIE, LOCALES, languageSwitch, localeOf, pickLocale, type Locale } from '../../page-locale.js';

const en = {
  signInTitle: 'Sign in',
  signInTo: 'Sign in to continue to {client}.',
  username: 'Username',
  password: 'Password',
  signInButton: 'Sign in',
  wrongPassword: 'The username or password is not correct.',
  tooManyAttempts: 'Too many failed sign-in attempts. Try again in {minutes} {minutesWord}.',
  minute: 'minute',
  minutes: 'minutes',
  consentTitle: 'Allow access to {client}?',
  wantsAccess: '{client} wants to access your account {user}.',
  asksTo: 'It asks to:',
  allow: 'Allow',
  deny: 'Deny',
  openid: 'Confirm who you are (your user id)',
  offlineAccess: 'Keep access while you are not using it',
  undescribedOne: 'Other access to your account that has no description',
  undescribedMany: 'Other access to your account that has no description ({n} permissions)',
  notAcceptedTitle: 'Request not accepted',
  notAccepted:
    'This form could not be verified (it was opened in another browser, or its security token is missing or wrong). Go back to the application and start again.',
  signOutTitle: 'Sign out',
  signOutQuestion: 'Do you want to sign out?',
  signOutButton: 'Sign out',
  signedOutTitle: 'Signed out',
  signedOut: 'You are signed out. You can close this window.',
  formNotVerified: 'This form could not be verified. Try again.',
  invalidTitle: 'Request not valid',
  goBack: 'Go back to the application and try again.',
  expiredTitle: 'Sign-in request not valid',
  expired: 'This sign-in request has expired or was already completed. Go back to the application and start again.',
  deviceTitle: 'Connect a device',
  enterCode: 'Enter the code shown on your device.',
  code: 'Code',
  continue: 'Continue',
  formUnreadable: 'The form could not be read. Go back and try again.',
  formExpired: 'This form expired or did not come from this site.',
  startAgain: 'Start again',
  tooManyCodes: 'Too many failed attempts. Wait a few minutes and try again.',
  badCode: 'That code is not valid or has expired. Check the code on your device.',
  usedCode: 'That code was already used or has expired.',
  deviceAsks: '{app} on your device (code {code}) asks for:',
  noPermissions: 'No specific permissions.',
  wrongCredentials: 'Wrong username or password.',
  deniedTitle: 'Request denied',
  denied: 'The device was not connected. You can close this page.',
  connectedTitle: 'Device connected',
  connected: 'You allowed {app}. Return to your device.',
  anApplication: 'An application',
  theApplication: 'the application',
};
type Messages = typeof en;

const de: Messages = {
  signInTitle: 'Anmelden',
  signInTo: 'Melden Sie sich an, um mit {client} fortzufahren.',
  username: 'Benutzername',
  password: 'Passwort',
  signInButton: 'Anmelden',
  wrongPassword: 'Benutzername oder Passwort ist nicht korrekt.',
  tooManyAttempts: 'Zu viele fehlgeschlagene Anmeldeversuche. Versuchen Sie es in {minutes} {minutesWord} erneut.',
  minute: 'Minute',
  minutes: 'Minuten',
  consentTitle: 'Zugriff für {client} erlauben?',
  wantsAccess: '{client} möchte auf Ihr Konto {user} zugreifen.',
  asksTo: 'Die Anwendung möchte:',
  allow: 'Erlauben',
  deny: 'Ablehnen',
  openid: 'Bestätigen, wer Sie sind (Ihre Benutzerkennung)',
  offlineAccess: 'Zugriff behalten, auch wenn Sie die Anwendung gerade nicht nutzen',
  undescribedOne: 'Weiterer Zugriff auf Ihr Konto ohne Beschreibung',
  undescribedMany: 'Weiterer Zugriff auf Ihr Konto ohne Beschreibung ({n} Berechtigungen)',
  notAcceptedTitle: 'Anfrage nicht angenommen',
  notAccepted:
    'Dieses Formular konnte nicht geprüft werden (es wurde in einem anderen Browser geöffnet, oder sein Sicherheitstoken fehlt oder ist falsch). Kehren Sie zur Anwendung zurück und beginnen Sie neu.',
  signOutTitle: 'Abmelden',
  signOutQuestion: 'Möchten Sie sich abmelden?',
  signOutButton: 'Abmelden',
  signedOutTitle: 'Abgemeldet',
  signedOut: 'Sie sind abgemeldet. Sie können dieses Fenster schließen.',
  formNotVerified: 'Dieses Formular konnte nicht geprüft werden. Versuchen Sie es erneut.',
  invalidTitle: 'Anfrage ungültig',
  goBack: 'Kehren Sie zur Anwendung zurück und versuchen Sie es erneut.',
  expiredTitle: 'Anmeldeanfrage ungültig',
  expired: 'Diese Anmeldeanfrage ist abgelaufen oder wurde bereits abgeschlossen. Kehren Sie zur Anwendung zurück und beginnen Sie neu.',
  deviceTitle: 'Gerät verbinden',
  enterCode: 'Geben Sie den Code ein, den Ihr Gerät anzeigt.',
  code: 'Code',
  continue: 'Weiter',
  formUnreadable: 'Das Formular konnte nicht gelesen werden. Gehen Sie zurück und versuchen Sie es erneut.',
  formExpired: 'Dieses Formular ist abgelaufen oder stammt nicht von dieser Seite.',
  startAgain: 'Neu beginnen',
  tooManyCodes: 'Zu viele fehlgeschlagene Versuche. Warten Sie einige Minuten und versuchen Sie es erneut.',
  badCode: 'Dieser Code ist ungültig oder abgelaufen. Prüfen Sie den Code auf Ihrem Gerät.',
  usedCode: 'Dieser Code wurde bereits verwendet oder ist abgelaufen.',
  deviceAsks: '{app} auf Ihrem Gerät (Code {code}) bittet um:',
  noPermissions: 'Keine besonderen Berechtigungen.',
  wrongCredentials: 'Benutzername oder Passwort ist falsch.',
  deniedTitle: 'Anfrage abgelehnt',
  denied: 'Das Gerät wurde nicht verbunden. Sie können diese Seite schließen.',
  connectedTitle: 'Gerät verbunden',
  connected: 'Sie haben {app} erlaubt. Kehren Sie zu Ihrem Gerät zurück.',
  anApplication: 'Eine Anwendung',
  theApplication: 'die Anwendung',
};

const CATALOGUES: Record<Locale, Messages> = { en, de };
export type MessageKey = keyof Messages;

/** A message in `locale` with its {placeholders} filled (plain text: escape it where it goes into HTML). */
export function t(locale: Locale, key: MessageKey, vars: Record<string, string | number> = {}): string {
  return fill(CATALOGUES[locale][key], vars);
}
