// Session hooks: who is signed in (/me), what they may see, signing in and out.
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { sessionStore, type SessionState } from '../api';
import { authLogout, type TokenOut, type UserPublic } from '../client';
import { meReadMeOptions, meReadMeQueryKey } from '../client/@tanstack/react-query.gen';
import { clearUserDrafts } from '../lib/formDraft';
import { accessFor, type Access } from './access';

export function useSession(): SessionState {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.get);
}

export function useMe() {
  const session = useSession();
  return useQuery({
    ...meReadMeOptions(),
    enabled: session.status === 'signed-in',
    staleTime: 5 * 60_000,
  });
}

export interface CurrentUser {
  me: UserPublic | undefined;
  access: Access;
  isLoading: boolean;
}

export function useCurrentUser(): CurrentUser {
  const { data, isLoading } = useMe();
  const access = useMemo(() => accessFor(data), [data]);
  return { me: data, access, isLoading };
}

/** Use the tokens of a login, set-password or change-password answer. */
export function useSignIn(): (token: TokenOut, sameUser?: boolean) => void {
  const queryClient = useQueryClient();
  return useCallback(
    (token: TokenOut, sameUser = false) => {
      if (sameUser) {
        sessionStore.signIn(token);
        void queryClient.invalidateQueries({ queryKey: meReadMeQueryKey() });
        return;
      }
      queryClient.clear(); // nothing of the previous user stays in the cache
      sessionStore.signIn(token);
    },
    [queryClient],
  );
}

export function useSignOut(): () => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(async () => {
    const me = queryClient.getQueryData<UserPublic>(meReadMeQueryKey());
    if (me) clearUserDrafts(me.id); // signing out is leaving: unsent drafts go with the user
    try {
      await authLogout({ throwOnError: false });
    } finally {
      sessionStore.signOut('logout');
      queryClient.clear();
    }
  }, [queryClient]);
}
