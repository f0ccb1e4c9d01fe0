import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { reportError } from '../api';
import { retryDelay, shouldRetryQuery } from './retryPolicy';

declare module '@tanstack/react-query' {
  interface Register {
    /** silent: the screen shows this error itself (inline), no toast. */
    queryMeta: { silent?: boolean };
    mutationMeta: { silent?: boolean };
  }
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (!query.meta?.silent) reportError(error);
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        if (!mutation.meta?.silent) reportError(error);
      },
    }),
    defaultOptions: {
      queries: {
        retry: shouldRetryQuery,
        retryDelay: (failures) => retryDelay(failures),
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // Back online (or the server reachable again): what is on screen is reloaded.
        refetchOnReconnect: 'always',
      },
      mutations: { retry: false },
    },
  });
}
