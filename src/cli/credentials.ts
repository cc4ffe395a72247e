// Where `keyward login` keeps its token: one JSON file per user, mode 0600 (as gh keeps hosts.yml), one entry per
// server URL. KEYWARD_ADMIN_TOKEN and --token still win; an expired entry is ignored.
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

export interface StoredLogin {
  token: string;
  token_id: string;
  admin_id: string;
  email: string;
  expires_at: string | null;
}

/** $KEYWARD_CONFIG_DIR, else $XDG_CONFIG_HOME/keyward, else ~/.config/keyward. */
export function credentialsFile(env: NodeJS.ProcessEnv = process.env): string {
  const dir = env.KEYWARD_CONFIG_DIR ?? path.join(env.XDG_CONFIG_HOME ?? path.join(homedir(), '.config'), 'keyward');
  return path.join(dir, 'credentials.json');
}

function readAll(file: string): Record<string, StoredLogin> {
  if (!existsSync(file)) return {};
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, StoredLogin>) : {};
  } catch {
    return {};
  }
}

function writeAll(file: string, all: Record<string, StoredLogin>): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  // Written aside and renamed: a crash never leaves half a file, and the mode is set before any token is in it.
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(all, null, 2)}\n`, { mode: 0o600 });
  chmodSync(temp, 0o600);
  renameSync(temp, file);
}

/** The stored login for a server, unless it has expired. */
export function storedLogin(base: string, env: NodeJS.ProcessEnv = process.env): StoredLogin | undefined {
  const login = readAll(credentialsFile(env))[base];
  if (!login || typeof login.token !== 'string') return undefined;
  if (login.expires_at && Date.parse(login.expires_at) <= Date.now()) return undefined;
  return login;
}

export function saveLogin(base: string, login: StoredLogin, env: NodeJS.ProcessEnv = process.env): string {
  const file = credentialsFile(env);
  writeAll(file, { ...readAll(file), [base]: login });
  return file;
}

/** Forgets a server's login; true if there was one. */
export function forgetLogin(base: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const file = credentialsFile(env);
  const all = readAll(file);
  if (!(base in all)) return false;
  delete all[base];
  writeAll(file, all);
  return true;
}
