import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { poolListPoolOptions } from '../../client/@tanstack/react-query.gen';
import { useListState } from '../../hooks/useListState';

export interface PoolFilters {
  region?: string[];
  domainId?: number;
}

/** The pool table's search, filters, paging and sorting, and its server query. */
export function usePool() {
  const { table, search, setSearch, debouncedSearch, filters, setFilters } = useListState<PoolFilters>(
    {},
    { sort: '-released_at' },
  );
  const query = useQuery({
    ...poolListPoolOptions({
      query: {
        ...table.query,
        search: debouncedSearch || undefined,
        province: filters.region?.[0],
        city: filters.region?.[1],
        product_domain_id: filters.domainId,
      },
    }),
    placeholderData: keepPreviousData,
    meta: { silent: true },
  });
  const filtered = !!debouncedSearch || !!filters.region || filters.domainId !== undefined;
  return { table, search, setSearch, filters, setFilters, query, filtered };
}
