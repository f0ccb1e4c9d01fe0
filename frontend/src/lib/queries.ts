import type { QueryClient } from '@tanstack/react-query';

/** Refetch every cached answer of these generated operations (e.g. 'usersListUsers'). */
export function invalidateOperations(queryClient: QueryClient, ...ids: string[]): Promise<void> {
  return queryClient.invalidateQueries({
    predicate: (query) => {
      const head = query.queryKey[0];
      return typeof head === 'object' && head !== null && '_id' in head && ids.includes(String(head._id));
    },
  });
}
