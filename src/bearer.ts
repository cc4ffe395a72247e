// The one parser of `Authorization: Bearer <token>` (RFC 6750 §2.1), for the admin API, userinfo and RFC 7592
// client management. Strict on the form (the scheme, case-insensitive, then spaces, then one token), lenient on the
// token's characters: any visible ASCII, so that an operator-chosen KEYWARD_BOOTSTRAP_ADMIN_TOKEN works too. A token
// that is not one of ours fails where it is looked up, by its hash, like any unknown token.
export function bearerToken(header: string | undefined, maxLength = 8192): string | undefined {
  if (!header) return undefined;
  const m = /^Bearer +([\x21-\x7e]+)$/i.exec(header);
  return m && m[1]!.length <= maxLength ? m[1] : undefined;
}
