/** Who is signed in. The session is an HTTP-only cookie the page never sees; /auth/me tells who it is. */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, call, ApiError } from '../api/client';


type Me = { id: number; username: string; displayName: string; unitId: number; unitName: string; roles: Role[] };
export type Role = 'admin' | 'operator' | 'dispatcher' | 'handler' | 'supervisor' | 'leader' | 'commissioner' | 'butler';

interface Auth {
  me: Me | null;
  ready: boolean;
  login(username: string, password: string): Promise<void>;
  logout(): Promise<void>;
  has(...roles: Role[]): boolean;
}

const Ctx = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [ready, setReady] = useState(false);

  const load = useCallback(async () => {
    try {
      setMe(await call(api.GET('/api/v1/auth/me')) as Me);
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 401) console.error(e);
      setMe(null);
    } finally {
      setReady(true);
    }
  }, []);
  useEffect(() => { void load(); }, [load]);

  const value = useMemo<Auth>(() => ({
    me, ready,
    login: async (username, password) => {
      await call(api.POST('/api/v1/auth/login', { body: { username, password } }));
      await load();
    },
    logout: async () => {
      await call(api.POST('/api/v1/auth/logout')).catch(() => undefined);
      setMe(null);
    },
    has: (...roles) => !!me && roles.some((r) => me.roles.includes(r)),
  }), [me, ready, load]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useAuth(): Auth {
  const v = useContext(Ctx);
  if (!v) throw new Error('useAuth outside AuthProvider');
  return v;
}
