/**
 * The owner's session (UFR-USER-020/040).
 *
 * The access token lives in memory only. The refresh token lives in memory too, and in
 * localStorage only when the owner ticked 로그인 유지, so a reload (or a new tab) can restore
 * the session by one POST /api/auth/refresh. refreshSession() is single-flight: several requests
 * failing with 401 at once share one refresh, because the server rotates the refresh token.
 */
import { create } from 'zustand';
import type { Owner, Session } from '@/types/api';

export const REFRESH_TOKEN_KEY = 'kt-events.refresh-token';

type SessionStatus = 'restoring' | 'signedIn' | 'signedOut';

type AuthState = {
  status: SessionStatus;
  accessToken: string | null;
  refreshToken: string | null;
  keepSignedIn: boolean;
  owner: Owner | null;
};

export const useAuthStore = create<AuthState>(() => ({
  status: 'restoring',
  accessToken: null,
  refreshToken: null,
  keepSignedIn: false,
  owner: null,
}));

export function setSession(session: Session, keepSignedIn: boolean): void {
  const refreshToken = session.refreshToken ?? null;
  if (keepSignedIn && refreshToken) localStorage.setItem(REFRESH_TOKEN_KEY, refreshToken);
  else localStorage.removeItem(REFRESH_TOKEN_KEY);
  useAuthStore.setState({
    status: 'signedIn',
    accessToken: session.accessToken,
    refreshToken,
    keepSignedIn,
    owner: session.owner,
  });
}

export function clearSession(): void {
  localStorage.removeItem(REFRESH_TOKEN_KEY);
  useAuthStore.setState({ status: 'signedOut', accessToken: null, refreshToken: null, owner: null });
}

export function getAccessToken(): string | null {
  return useAuthStore.getState().accessToken;
}

let refreshing: Promise<boolean> | null = null;

/** Trades the refresh token for a new session; false (and signed out) when it is gone or refused. */
export function refreshSession(): Promise<boolean> {
  refreshing ??= doRefresh().finally(() => (refreshing = null));
  return refreshing;
}

async function doRefresh(): Promise<boolean> {
  const { refreshToken, keepSignedIn } = useAuthStore.getState();
  if (!refreshToken) {
    clearSession();
    return false;
  }
  try {
    const response = await fetch('/api/auth/refresh', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ refreshToken }),
    });
    if (!response.ok) {
      // A refused token ends the session; a server hiccup (5xx) keeps the stored token for later.
      if (response.status === 400 || response.status === 401) clearSession();
      else useAuthStore.setState({ status: 'signedOut', accessToken: null });
      return false;
    }
    setSession((await response.json()) as Session, keepSignedIn);
    return true;
  } catch {
    useAuthStore.setState({ status: 'signedOut', accessToken: null });
    return false;
  }
}

/** On start: a remembered refresh token becomes a session again, otherwise the owner is signed out. */
export async function restoreSession(): Promise<void> {
  const stored = localStorage.getItem(REFRESH_TOKEN_KEY);
  if (!stored) {
    useAuthStore.setState({ status: 'signedOut' });
    return;
  }
  useAuthStore.setState({ status: 'restoring', refreshToken: stored, keepSignedIn: true });
  await refreshSession();
}
