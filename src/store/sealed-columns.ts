// The additional data each sealed column binds its values to (crypto/seal.ts): the table, the row and the column,
// so a sealed value copied into another row or column does not open.
export const sealedAad = {
  providerClient: (id: string, column: 'client_secret' | 'private_key') => `provider-client:${id}:${column}`,
  connection: (id: string, column: 'credentials' | 'access_token' | 'refresh_token') => `connection:${id}:${column}`,
  connectAttempt: (id: string) => `connect-attempt:${id}:verifier`,
};
