// The token endpoint's grants, one module each, looked up by grant_type. Adding a grant: one new module and one
// line here.
import { authorizationCodeGrant } from './authorization-code.js';
import { clientCredentialsGrant } from './client-credentials.js';
import { deviceCodeGrant } from './device-code.js';
import { passwordGrant } from './password.js';
import { refreshTokenGrant } from './refresh-token.js';
import { tokenExchangeGrant } from './token-exchange.js';

export type { Grant, GrantRequest, TokenResponse } from './answer.js';
import type { Grant } from './answer.js';

export const GRANTS = new Map<string, Grant>(
  [authorizationCodeGrant, clientCredentialsGrant, passwordGrant, refreshTokenGrant, deviceCodeGrant, tokenExchangeGrant].map((g) => [g.type, g]),
);
