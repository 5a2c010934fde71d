import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, getMe, logout, type CurrentUser } from './api';

export type SessionState =
  | { status: 'loading' }
  /** `signedOutByUser`: the user pressed sign-out, so /login is not told to come back here. */
  | { status: 'signedOut'; signedOutByUser?: boolean }
  | { status: 'signedIn'; user: CurrentUser }
  | { status: 'error'; error: Error };

interface SessionContextValue {
  state: SessionState;
  /** Asks the server who is signed in (GET /api/me). */
  reload: () => void;
  /** Records the user returned by a successful sign-in. */
  signedIn: (user: CurrentUser) => void;
  /** POST /api/auth/logout; the session is cleared even if the call fails. */
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    getMe(abort.signal).then(
      (user) => setState({ status: 'signedIn', user }),
      (error: unknown) => {
        if (abort.signal.aborted) return;
        if (error instanceof ApiError && error.status === 401) setState({ status: 'signedOut' });
        else setState({ status: 'error', error: error instanceof Error ? error : new Error(String(error)) });
      },
    );
    return () => abort.abort();
  }, [generation]);

  const reload = useCallback(() => {
    setState({ status: 'loading' });
    setGeneration((g) => g + 1);
  }, []);

  const signedIn = useCallback((user: CurrentUser) => setState({ status: 'signedIn', user }), []);

  const signOut = useCallback(async () => {
    try {
      await logout();
    } catch {
      // The cookie may already be gone or the server down: leave the signed-in view regardless.
    }
    setState({ status: 'signedOut', signedOutByUser: true });
  }, []);

  const value = useMemo(() => ({ state, reload, signedIn, signOut }), [state, reload, signedIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in user; only for components rendered inside the signed-in shell. */
export function useUser(): CurrentUser {
  const { state } = useSession();
  if (state.status !== 'signedIn') throw new Error('useUser without a signed-in user');
  return state.user;
}
