import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { usersListUsers, type Role } from '../../client';
import { usersListUsersOptions } from '../../client/@tanstack/react-query.gen';
import type { ExportCall } from '../../components/ExportMenu';
import { useListState } from '../../hooks/useListState';

export interface PeopleFilters {
  role?: Role;
  isActive?: boolean;
  agentId?: number;
}

/** The people table's state (search, filters, paging, sorting) and its server query. */
export function usePeople() {
  const { table, search, setSearch, debouncedSearch, filters, setFilters } = useListState<PeopleFilters>(
    {},
    { sort: 'username' },
  );
  const filter = {
    search: debouncedSearch || undefined,
    role: filters.role,
    is_active: filters.isActive,
    agent_id: filters.agentId,
  };
  const query = useQuery({
    ...usersListUsersOptions({ query: { ...table.query, ...filter } }),
    placeholderData: keepPreviousData,
    meta: { silent: true },
  });
  const exportCall: ExportCall = (format) =>
    usersListUsers({ query: { ...filter, sort: table.query.sort, format }, parseAs: 'blob', throwOnError: true });

  const filtered = !!debouncedSearch || Object.values(filters).some((v) => v !== undefined);
  return { table, search, setSearch, filters, setFilters, query, filtered, exportCall };
}
