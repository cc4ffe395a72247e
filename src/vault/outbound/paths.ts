// Dotted paths into a JSON answer (`authed_user.access_token`), as the catalog writes them.

export function valueAt(body: unknown, path: string): unknown {
  let here: unknown = body;
  for (const part of path.split('.')) {
    if (here === null || typeof here !== 'object' || Array.isArray(here)) return undefined;
    if (!Object.prototype.hasOwnProperty.call(here, part)) return undefined;
    here = (here as Record<string, unknown>)[part];
  }
  return here;
}

/** A non-empty string at the path, or undefined (numbers are read as their text: some providers send ids as numbers). */
export function stringAt(body: unknown, path: string): string | undefined {
  const value = valueAt(body, path);
  if (typeof value === 'string') return value.length > 0 ? value : undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}
