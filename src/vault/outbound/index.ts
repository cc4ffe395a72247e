// The vault's outbound protocol: everything Keyward sends to a provider's authorization and token endpoints, and how
// it reads the answers (issue 10 points 1 and 5). Nothing here stores, locks or retries; the caller decides.
export type { ProviderSettings, TokenSet, ProviderFailureKind, ProviderFailure, TokenResult } from './types.js';
export { authorizationUrl, newPkce } from './authorize.js';
export { exchangeCode, refreshTokens, clientCredentials } from './grants.js';
export { apiKeyLogin, apiKeyRefresh } from './api-key.js';
export { discover } from './discovery.js';
