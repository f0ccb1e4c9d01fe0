import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { customersListCustomers, type CustomerStatus, type ProjectStage, type TodoKind } from '../../client';
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
  /** The contact salesperson (master account and vendor). */
  salespersonId?: number;
  stage?: ProjectStage;
}

/** The states worth working on: applications in review and protected customers. */
export const DEFAULT_STATUSES: CustomerStatus[] = ['pending', 'protected'];

export const DEFAULT_FILTERS: CustomerFilters = { statuses: DEFAULT_STATUSES, nearExpiry: false };

/** Turning a to-do kind on clears the status filter, so the list holds what its count counted (a
 * decision may have rejected a registration); turning it off brings the default states back. */
export function statusesFor(todo: TodoKind | null, statuses: CustomerStatus[]): CustomerStatus[] {
  if (todo) return [];
  return statuses.length ? statuses : DEFAULT_STATUSES;
}

/** The home table's state (search, filters, paging, sorting, the to-do kind) and its server query. */
export function useCustomers(todo: TodoKind | null) {
  const { table, search, setSearch, debouncedSearch, filters, setFilters } = useListState({
    ...DEFAULT_FILTERS,
    statuses: statusesFor(todo, DEFAULT_STATUSES),
  });
  const { resetPage } = table;
  useEffect(() => resetPage(), [todo, resetPage]);
  const filter = {
    search: debouncedSearch || undefined,
    status: filters.statuses.length ? filters.statuses : undefined,
    product_domain_id: filters.domainId,
    province: filters.region?.[0],
    city: filters.region?.[1],
    near_expiry: filters.nearExpiry || undefined,
    agent_id: filters.agentId,
    contact_user_id: filters.salespersonId,
    stage: filters.stage,
    todo: todo ?? undefined,
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
    filters.salespersonId !== undefined ||
    filters.stage !== undefined ||
    filters.statuses.join() !== DEFAULT_STATUSES.join();
  return { table, search, setSearch, filters, setFilters, query, filtered, exportCall };
}
