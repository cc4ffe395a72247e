// Brute-force limits on the three places a password is checked: the login page, the device verification page and
// the password grant. Per (space, username): at most login_failure_limit failures in a window of
// login_lockout_seconds; once reached, every attempt for that username is refused until the window ends, even with
// the right password (else the lock would be an oracle). Per (space, client address): five times as many, against
// one address trying many usernames. Unknown usernames count like known ones, so refusals tell nothing about
// accounts. A success clears the username's count. Client secrets are not limited: they are 256-bit random values.
import type { Limiter } from '../store/counters.js';
import type { ActivityCounter } from '../events/activity.js';
import { countLogin, type LoginVia } from '../events/metrics.js';
import { sha256 } from '../crypto/secrets.js';
import type { UserKind, UserRow, UserService } from '../registry/users.js';
import type { OAuthSpace } from './cache.js';
import { OAuthError } from './errors.js';
import { t, type Locale } from './interaction/i18n.js';

export type LoginOutcome =
  | { status: 'ok'; user: UserRow }
  | { status: 'wrong' }
  /** The password is right but the user is of the other kind (only reported after the password was proven). */
  | { status: 'other_kind'; kind: UserKind }
  /** Refused without checking the password; retryAfter in whole seconds. */
  | { status: 'locked'; retryAfter: number };

const IP_FACTOR = 5;
// Wrong user codes on the device page per (space, address): 20 in 10 minutes makes guessing a live code
// (20^8 codes, alive for minutes) impractical.
const USER_CODE_FAILURES = 20;
const USER_CODE_WINDOW_MS = 10 * 60_000;

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));
const userCodeKey = (space: OAuthSpace, ip: string) => `device:ip:${space.row.id}:${ip}`;

/** "Try again in N minutes." for pages. */
export function retryText(retryAfter: number, locale: Locale = 'en'): string {
  const minutes = Math.ceil(retryAfter / 60);
  return t(locale, 'tooManyAttempts', { minutes, minutesWord: t(locale, minutes === 1 ? 'minute' : 'minutes') });
}

/** The token endpoint's refusal: 429 invalid_grant with Retry-After (no-store comes from the error handler). */
export const tooManyAttempts = (retryAfter: number) =>
  new OAuthError('invalid_grant', `too many failed sign-in attempts; try again in ${retryAfter} seconds`, {
    status: 429,
    headers: { 'retry-after': String(retryAfter) },
  });

const FAILURE_KEY = { wrong: 'invalid_credentials', other_kind: 'wrong_user_kind', locked: 'locked' } as const;

/** Counts a password check's outcome: in the metrics (by where) and in the space's dashboard (by where, or why it failed). */
export function countSignIn(activity: ActivityCounter, space: OAuthSpace, via: LoginVia, outcome: LoginOutcome): void {
  countLogin(via, outcome.status);
  if (outcome.status === 'ok') activity.count(space.row.id, 'login', via);
  else activity.count(space.row.id, 'login_failure', FAILURE_KEY[outcome.status]);
}

export class LoginGuard {
  constructor(
    private readonly users: Pick<UserService, 'checkPassword'>,
    private readonly limiter: Limiter,
  ) {}

  async verify(space: OAuthSpace, username: string, password: string, kind: UserKind, ip: string): Promise<LoginOutcome> {
    const limit = space.settings.login_failure_limit;
    if (limit === 0) return this.check(space, username, password, kind);
    // The username as users.ts compares it (trimmed, lower case), hashed: keys never hold a username in clear.
    const userKey = `login:u:${sha256(`${space.row.id}\n${username.trim().toLowerCase()}`)}`;
    const ipKey = `login:ip:${space.row.id}:${ip}`;
    const [u, a] = await Promise.all([this.limiter.peek(userKey), this.limiter.peek(ipKey)]);
    const locked = lockedFor([
      [u.count, limit, u.resetMs],
      [a.count, limit * IP_FACTOR, a.resetMs],
    ]);
    if (locked) return { status: 'locked', retryAfter: locked };

    const outcome = await this.check(space, username, password, kind);
    // The right password of a user of the other kind is no failure (it proves nothing new to anyone) and no
    // success either: the counter stays as it is.
    if (outcome.status === 'other_kind') return outcome;
    if (outcome.status === 'ok') {
      await this.limiter.reset(userKey);
      return outcome;
    }
    const windowMs = space.settings.login_lockout_seconds * 1000;
    const [u2, a2] = await Promise.all([this.limiter.add(userKey, windowMs), this.limiter.add(ipKey, windowMs)]);
    // The failure that reaches a limit says so at once: the next attempt would be refused anyway.
    const now = lockedFor([
      [u2.count, limit, u2.resetMs],
      [a2.count, limit * IP_FACTOR, a2.resetMs],
    ]);
    return now ? { status: 'locked', retryAfter: now } : { status: 'wrong' };
  }

  private async check(space: OAuthSpace, username: string, password: string, kind: UserKind): Promise<LoginOutcome> {
    const user = await this.users.checkPassword(space.row.id, username, password);
    if (!user) return { status: 'wrong' };
    return user.kind === kind ? { status: 'ok', user } : { status: 'other_kind', kind: user.kind as UserKind };
  }

  /** Seconds the device page stays closed to this address after too many wrong user codes; 0 when open. */
  async userCodeLocked(space: OAuthSpace, ip: string): Promise<number> {
    const w = await this.limiter.peek(userCodeKey(space, ip));
    return w.count >= USER_CODE_FAILURES ? seconds(w.resetMs) : 0;
  }

  async userCodeFailed(space: OAuthSpace, ip: string): Promise<void> {
    await this.limiter.add(userCodeKey(space, ip), USER_CODE_WINDOW_MS);
  }
}

/** The longest wait among the counters at or over their limit, in seconds; 0 when none is. */
function lockedFor(counters: [count: number, max: number, resetMs: number][]): number {
  let wait = 0;
  for (const [count, max, resetMs] of counters) if (count >= max) wait = Math.max(wait, seconds(resetMs));
  return wait;
}
