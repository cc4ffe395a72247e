// Small helpers for admin API tests: calls through inject() with a bearer token, and checks that hold for every
// answer (never a 5xx, never `server_error`, never a stack trace).
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { TestApp } from '../helpers/app.js';

export const API = '/admin/api/v1';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
export type Res = LightMyRequestResponse;

/** Every answer of the admin API must be free of internals. */
export function expectClean(res: Res): void {
  expect(res.statusCode, `${res.statusCode} ${res.body}`).toBeLessThan(500);
  expect(res.body).not.toContain('server_error');
  expect(res.body).not.toMatch(/\bat .+\.(?:ts|js):\d+/); // stack frame
  expect(res.body).not.toMatch(/node_modules|\/src\//);
}

export interface Api {
  call(method: Method, path: string, payload?: unknown, headers?: Record<string, string>): Promise<Res>;
  get(path: string): Promise<Res>;
  post(path: string, payload?: unknown): Promise<Res>;
  patch(path: string, payload: unknown): Promise<Res>;
  put(path: string, payload: unknown): Promise<Res>;
  del(path: string): Promise<Res>;
}

const withMethods = (call: Api['call']): Api => ({
  call,
  get: (p) => call('GET', p),
  post: (p, b) => call('POST', p, b),
  patch: (p, b) => call('PATCH', p, b),
  put: (p, b) => call('PUT', p, b),
  del: (p) => call('DELETE', p),
});

/** API calls as the holder of `token` (the global owner by default). */
export function api(t: TestApp, token: string | null = t.ownerToken): Api {
  return withMethods(async (method, path, payload, headers = {}) => {
    const res = await t.app.inject({
      method,
      url: API + path,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
    expectClean(res);
    return res;
  });
}

/** The same calls, each answer's headers and body also pushed to `seen` (to check later that no secret was in one). */
export function recorded(base: Api, seen: string[]): Api {
  return withMethods(async (...args) => {
    const res = await base.call(...args);
    seen.push(JSON.stringify(res.headers) + res.body);
    return res;
  });
}

/** Asserts an error answer: status, JSON body { error, message, field? }. */
export function expectError(res: Res, status: number, field?: string): { error: string; message: string; field?: string } {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const body = res.json();
  expect(typeof body.error).toBe('string');
  expect(typeof body.message).toBe('string');
  if (field !== undefined) expect(body.field, res.body).toBe(field);
  return body;
}

export function expectStatus(res: Res, status: number): any {
  expect(res.statusCode, res.body).toBe(status);
  return res.body ? res.json() : undefined;
}

/** A minimal valid confidential client body. */
export const webApp = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  redirect_uris: ['https://app.example.com/cb'],
  ...extra,
});
