import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { customersListCustomers, type CustomerStatus } from '../../client';
import { customersListCustomersOptions } from '../../client/@tanstack/react-query.gen';
import type { ExportCall } from '../../components/ExportMenu';
import { useListState } from '../../hooks/useListState';

export interface CustomerFilters {
  statuses: CustomerStatus[];
  domainId?: number;
  /** [province] or [province, city]. */
  region?: string[];
  nearExpiry: boolean;
  agentId?: number;
}

/** The states worth working on: applications in review and protected customers. */
export const DEFAULT_STATUSES: CustomerStatus[] = ['pending', 'protected'];

export const DEFAULT_FILTERS: CustomerFilters = { statuses: DEFAULT_STATUSES, nearExpiry: false };

/** The home table's state (search, filters, paging, sorting) and its server query. */
export function useCustomers() {
  const { table, search, setSearch, debouncedSearch, filters, setFilters } = useListState(DEFAULT_FILTERS);
  const filter = {
    search: debouncedSearch || undefined,
    status: filters.statuses.length ? filters.statuses : undefined,
    product_domain_id: filters.domainId,
    province: filters.region?.[0],
    city: filters.region?.[1],
    near_expiry: filters.nearExpiry || undefined,
    agent_id: filters.agentId,
  };
  const query = useQuery({
    ...customersListCustomersOptions({ query: { ...table.query, ...filter } }),
    placeholderData: keepPreviousData,
    meta: { silent: true },
  });
  // Every page of the table as filtered and sorted.
  const exportCall: ExportCall = (format) =>
    customersListCustomers({ query: { ...filter, sort: table.query.sort, format }, parseAs: 'blob', throwOnError: true });

  const filtered =
    !!debouncedSearch ||
    filters.nearExpiry ||
    filters.domainId !== undefined ||
    !!filters.region ||
    filters.agentId !== undefined ||
    filters.statuses.join() !== DEFAULT_STATUSES.join();
  return { table, search, setSearch, filters, setFilters, query, filtered, exportCall };
}
