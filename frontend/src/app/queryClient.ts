import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError, reportError } from '../api';

declare module '@tanstack/react-query' {
  interface Register {
    /** silent: the screen shows this error itself (inline), no toast. */
    queryMeta: { silent?: boolean };
    mutationMeta: { silent?: boolean };
  }
}

function retryable(error: unknown): boolean {
  return isApiError(error) && (error.status === 0 || error.status >= 500) && error.code !== 'aborted';
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
        retry: (failures, error) => failures < 2 && retryable(error),
        staleTime: 30_000,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}
