// The console's one way to the admin API: openapi-fetch typed by schema.d.ts, which is generated from the API's own
// OpenAPI document (npm run console:api; test/web/console-api.test.ts fails when it drifts). The session cookie goes
// with every request by itself; requests that change something add the session's CSRF token.
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';

export const API_BASE = '/admin/api/v1';

let csrfToken: string | null = null;
/** Set from the session (sign-in or GET /console/session); cleared on sign-out. */
export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
};

/** The admin API's error body, thrown by `call` so a form can put `message` on the field it names. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

const listeners = new Set<() => void>();
/** Called when the API answers 401 (the session ended): the app goes back to sign-in. */
export const onSignedOut = (f: () => void) => {
  listeners.add(f);
  return () => listeners.delete(f);
};

const csrf: Middleware = {
  onRequest({ request }) {
    if (csrfToken && !['GET', 'HEAD'].includes(request.method)) request.headers.set('x-csrf-token', csrfToken);
    return request;
  },
  onResponse({ response, request }) {
    if (response.status === 401 && !request.url.endsWith('/console/session')) for (const f of listeners) f();
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: API_BASE, credentials: 'same-origin' });
api.use(csrf);

interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Awaits an openapi-fetch call and answers its data, or throws the API's error as an ApiError. */
export async function call<T>(pending: Promise<Answer<T>>): Promise<T> {
  let answer: Answer<T>;
  try {
    answer = await pending;
  } catch {
    throw new ApiError(0, 'network', 'The server cannot be reached. Check that Keyward is running, then try again.');
  }
  const { data, error, response } = answer;
  if (response.ok) return data as T;
  const body = (error ?? {}) as { error?: string; message?: string; field?: string };
  throw new ApiError(response.status, body.error ?? `http_${response.status}`, body.message ?? response.statusText, body.field);
}
