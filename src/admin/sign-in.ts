// An admin signs in with e-mail and password and receives an admin API token that expires (what `keyward login`
// keeps, like `gh auth login`). Failures are limited per e-mail address and per client address with the same
// counters as the end users' sign-in (Redis-backed when configured); a locked address is refused even with the
// right password, so the lock is no oracle.
import { createHash } from 'node:crypto';
import { AppError } from '../errors.js';
import type { Limiter } from '../store/counters.js';
import type { Actor } from '../events/audit.js';
import type { AdminService } from './accounts.js';

const FAILURES_PER_EMAIL = 10;
const FAILURES_PER_ADDRESS = 50;
const WINDOW_MS = 15 * 60_000;
/** Default lifetime of a sign-in token: long enough for a working week, short enough to age out on a lost laptop. */
export const SIGN_IN_TOKEN_SECONDS = 7 * 86_400;

export interface SignInInput {
  email: string;
  password: string;
  /** The token's name, to tell it apart in listings (default "sign-in"). */
  token_name?: string;
  /** Seconds; 60 to 90 days. */
  expires_in?: number;
}

export class AdminSignIn {
  constructor(
    private readonly admins: AdminService,
    private readonly limiter: Limiter,
  ) {}

  async signIn(input: SignInInput, ip: string) {
    const expiresIn = input.expires_in ?? SIGN_IN_TOKEN_SECONDS;
    if (!Number.isInteger(expiresIn) || expiresIn < 60 || expiresIn > 90 * 86_400) {
      throw new AppError('invalid_request', 'expires_in must be seconds from 60 to 7776000 (90 days): sign-in tokens always expire', 'expires_in');
    }
    const emailKey = `admin-login:e:${createHash('sha256').update(input.email.trim().toLowerCase()).digest('hex')}`;
    const ipKey = `admin-login:ip:${ip}`;
    const [e, a] = await Promise.all([this.limiter.peek(emailKey), this.limiter.peek(ipKey)]);
    const wait = Math.max(e.count >= FAILURES_PER_EMAIL ? e.resetMs : 0, a.count >= FAILURES_PER_ADDRESS ? a.resetMs : 0);
    if (wait > 0) throw new AppError('too_many_requests', `too many failed sign-in attempts; try again in ${Math.ceil(wait / 1000)} seconds`);

    const admin = await this.admins.checkPassword(input.email, input.password);
    if (!admin) {
      await Promise.all([this.limiter.add(emailKey, WINDOW_MS), this.limiter.add(ipKey, WINDOW_MS)]);
      throw new AppError('unauthorized', 'wrong e-mail or password');
    }
    await this.limiter.reset(emailKey);
    const actor: Actor = { type: 'admin', id: admin.id, email: admin.email };
    const token = await this.admins.createToken(admin.id, { name: input.token_name ?? 'sign-in', expires_in: expiresIn }, actor);
    return { ...token, admin_id: admin.id, email: admin.email };
  }
}
