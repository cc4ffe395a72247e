// Keyward supports Node >= 20.19 (package.json engines): every package it installs must say it runs there too, or
// `npm install` warns EBADENGINE on the machines we support (cookie 2 says Node >= 22: see the overrides).
import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const lock = JSON.parse(readFileSync(new URL('../../package-lock.json', import.meta.url), 'utf8')) as {
  packages: Record<string, { engines?: Record<string, string> | string[]; optional?: boolean; os?: string[] }>;
};
const ours = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { engines: { node: string } }).engines.node;

describe('engines', () => {
  it('every locked package runs on the oldest Node Keyward supports', () => {
    const oldest = semver.minVersion(ours)!.version;
    const refused = Object.entries(lock.packages)
      .filter(([path, p]) => path && !Array.isArray(p.engines) && p.engines?.node && !semver.satisfies(oldest, p.engines.node))
      .map(([path, p]) => `${path.replace(/^.*node_modules\//, '')} wants node ${(p.engines as Record<string, string>).node}`);
    expect(refused, `Node ${oldest}`).toEqual([]);
  });
});
