import type { QueryClient } from '@tanstack/react-query';
import type * as queryHelpers from '../client/@tanstack/react-query.gen';

// The generated `<operationId>QueryKey` helpers name every cached (GET) operation: their ids are
// typed from them, so a renamed or removed operation fails tsc where a cache is refreshed.
type KeyHelperName = Exclude<Extract<keyof typeof queryHelpers, `${string}QueryKey`>, `${string}InfiniteQueryKey`>;
type OperationIdOf<Helper> = Helper extends `${infer Id}QueryKey` ? Id : never;

/** The id of a cached operation, as the generated query keys carry it (`_id`). */
export type QueryOperationId = OperationIdOf<KeyHelperName>;

/** Refetch every cached answer of these generated operations (e.g. 'usersListUsers'). */
export function invalidateOperations(queryClient: QueryClient, ...ids: QueryOperationId[]): Promise<void> {
  return queryClient.invalidateQueries({
    predicate: (query) => {
      const head = query.queryKey[0];
      return typeof head === 'object' && head !== null && '_id' in head && (ids as unknown[]).includes(head._id);
    },
  });
}
