// Input of the vault commands: placeholder values as key=value options, and secrets read from stdin so that they
// never stand in an argument (shell history, the process list).
import { readFileSync } from 'node:fs';
import { InvalidArgumentError } from 'commander';
import { CliError } from './api.js';

/** Collects repeated `--config key=value` options into one object. */
export function configPair(value: string, previous: Record<string, string> | undefined): Record<string, string> {
  const at = value.indexOf('=');
  if (at < 1) throw new InvalidArgumentError('expected key=value, such as ext=nl.');
  return { ...(previous ?? {}), [value.slice(0, at)]: value.slice(at + 1) };
}

function readStdin(what: string): string {
  if (process.stdin.isTTY) process.stderr.write(`Enter the ${what}, then press Ctrl-D:\n`);
  try {
    return readFileSync(0, 'utf8');
  } catch (err) {
    throw new CliError(`cannot read the ${what} from stdin: ${(err as Error).message}`);
  }
}

/** A secret on stdin: one value, the final line break dropped. */
export function readStdinSecret(what: string): string {
  const secret = readStdin(what).replace(/\r?\n$/, '');
  if (secret === '') throw new CliError(`the ${what} on stdin is empty`);
  return secret;
}

/** A JSON object on stdin (credentials); the message never repeats what was read. */
export function readStdinObject(what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(readStdin(what));
  } catch {
    throw new CliError(`the ${what} on stdin must be a JSON object, such as {"api_key": "…"}`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new CliError(`the ${what} on stdin must be a JSON object, such as {"api_key": "…"}`);
  return value as Record<string, unknown>;
}
