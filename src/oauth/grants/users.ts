// The user a grant issues tokens to, through the registry (the grants read no user rows themselves).
import { AppError } from '../../errors.js';
import type { UserRow } from '../../registry/users.js';
import type { OAuthSpace } from '../cache.js';
import type { OAuth } from '../context.js';

/** The user with this id in the space, or undefined when it no longer exists. */
export async function userById(oauth: OAuth, space: OAuthSpace, id: string): Promise<UserRow | undefined> {
  try {
    return await oauth.services.users.row(space.row, id);
  } catch (err) {
    if (err instanceof AppError && err.code === 'not_found') return undefined;
    throw err;
  }
}
