import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { poolListPool } from '../../client';
import { poolListPoolOptions } from '../../client/@tanstack/react-query.gen';
import type { ExportCall } from '../../components/ExportMenu';
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
  const filter = {
    search: debouncedSearch || undefined,
    province: filters.region?.[0],
    city: filters.region?.[1],
    product_domain_id: filters.domainId,
  };
  const query = useQuery({
    ...poolListPoolOptions({ query: { ...table.query, ...filter } }),
    placeholderData: keepPreviousData,
    meta: { silent: true },
  });
  const exportCall: ExportCall = (format) =>
    poolListPool({ query: { ...filter, sort: table.query.sort, format }, parseAs: 'blob', throwOnError: true });
  const filtered = !!debouncedSearch || !!filters.region || filters.domainId !== undefined;
  return { table, search, setSearch, filters, setFilters, query, filtered, exportCall };
}
