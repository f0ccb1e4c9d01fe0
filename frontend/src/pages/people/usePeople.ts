import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { Role } from '../../client';
import { agentsListAgentsOptions, usersListUsersOptions } from '../../client/@tanstack/react-query.gen';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { useTableState } from '../../components/useTableState';

export interface PeopleFilters {
  role?: Role;
  isActive?: boolean;
  agentId?: number;
}

/** The people table's state (search, filters, paging, sorting) and its server query. */
export function usePeople() {
  const table = useTableState({ sort: 'username' });
  const [search, setSearch] = useState('');
  const [filters, setFilters] = useState<PeopleFilters>({});
  const debouncedSearch = useDebouncedValue(search.trim());
  const { resetPage } = table;

  useEffect(() => {
    resetPage();
  }, [debouncedSearch, filters, resetPage]);

  const query = useQuery({
    ...usersListUsersOptions({
      query: {
        ...table.query,
        search: debouncedSearch || undefined,
        role: filters.role,
        is_active: filters.isActive,
        agent_id: filters.agentId,
      },
    }),
    placeholderData: keepPreviousData,
    meta: { silent: true },
  });

  const filtered = !!debouncedSearch || Object.values(filters).some((v) => v !== undefined);
  return { table, search, setSearch, filters, setFilters, query, filtered };
}

/** Agents to pick from (vendor only): filters and the create-account form. */
export function useAgentChoices(enabled: boolean, onlyActive = false) {
  return useQuery({
    ...agentsListAgentsOptions({ query: { limit: 200, sort: 'name', is_active: onlyActive ? true : undefined } }),
    enabled,
    staleTime: 60_000,
    select: (page) => page.items.map((agent) => ({ value: agent.id, label: agent.name, disabled: !agent.is_active })),
  });
}
