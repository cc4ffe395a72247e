// Who is signed in. The session lives in an http-only cookie the console cannot read; GET /console/session tells
// who it is, their roles and the CSRF token (kept in memory only). `can` mirrors the server's rule (admin/rbac.ts)
// with the table the server sends, so the console offers only what the role may do and the server still decides.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, call, onSignedOut, setCsrfToken } from './client';

export interface ConsoleSession {
  admin_id: string;
  email: string;
  roles: { space: string; role: string }[];
  role_order: string[];
  permissions: Record<string, string>;
  csrf_token: string;
  expires_at: string | null;
}
export type Permission = 'read' | 'clients:write' | 'space:write' | 'audit:read' | 'admins:manage' | 'space:delete' | 'master-key:manage';

interface SessionState {
  session: ConsoleSession | null;
  /** True until the first GET /console/session answered. */
  loading: boolean;
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  can(permission: Permission, space: string): boolean;
}

const SessionContext = createContext<SessionState | null>(null);

export function rank(session: ConsoleSession, role: string | undefined): number {
  return role === undefined ? -1 : session.role_order.indexOf(role);
}

/** The stronger of the role on every space (`*`) and the role held in this space, as the server computes it. */
export function can(session: ConsoleSession | null, permission: Permission, space: string): boolean {
  if (!session) return false;
  const held = Math.max(...session.roles.filter((r) => r.space === '*' || r.space === space).map((r) => rank(session, r.role)), -1);
  return held >= rank(session, session.permissions[permission]);
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<ConsoleSession | null>(null);
  const [loading, setLoading] = useState(true);
  const adopt = useCallback((s: ConsoleSession | null) => {
    setCsrfToken(s?.csrf_token ?? null);
    setSession(s);
  }, []);

  useEffect(() => {
    call(api.GET('/console/session'))
      .then((s) => adopt(s as ConsoleSession))
      .catch(() => adopt(null))
      .finally(() => setLoading(false));
    const stop = onSignedOut(() => adopt(null));
    return () => void stop();
  }, [adopt]);

  const value = useMemo<SessionState>(
    () => ({
      session,
      loading,
      signIn: async (email, password) => adopt((await call(api.POST('/console/session', { body: { email, password } }))) as ConsoleSession),
      signOut: async () => {
        await call(api.DELETE('/console/session')).catch(() => undefined);
        adopt(null);
      },
      can: (permission, space) => can(session, permission, space),
    }),
    [session, loading, adopt],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}
