// The signed-in session, kept in memory only: the access token never touches localStorage.
// After a page reload the session is restored with the HttpOnly refresh cookie (adapter.ts).
import type { TokenOut } from '../client';

export type SessionStatus = 'unknown' | 'signed-in' | 'signed-out';
/** Why the session ended: the UI tells the user only when it expired under them. */
export type SignOutReason = 'logout' | 'expired' | 'none';

export interface SessionState {
  status: SessionStatus;
  accessToken: string | null;
  mustChangePassword: boolean;
  signOutReason: SignOutReason;
}

const initial: SessionState = {
  status: 'unknown',
  accessToken: null,
  mustChangePassword: false,
  signOutReason: 'none',
};

let state: SessionState = initial;
const listeners = new Set<() => void>();

function set(next: SessionState): void {
  state = next;
  listeners.forEach((listener) => listener());
}

export const sessionStore = {
  get: (): SessionState => state,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  signIn(token: TokenOut): void {
    set({
      status: 'signed-in',
      accessToken: token.access_token,
      mustChangePassword: token.must_change_password,
      signOutReason: 'none',
    });
  },
  signOut(reason: SignOutReason): void {
    set({ status: 'signed-out', accessToken: null, mustChangePassword: false, signOutReason: reason });
  },
  /** The server answered password_change_required: send the user to the change-password page. */
  requirePasswordChange(): void {
    if (state.status === 'signed-in' && !state.mustChangePassword) {
      set({ ...state, mustChangePassword: true });
    }
  },
  /** Tests only. */
  reset(): void {
    set(initial);
  },
};
