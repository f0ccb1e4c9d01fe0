import { useEffect, useState } from 'react';
import { useDebouncedValue } from './useDebouncedValue';
import type { TableState } from '../lib/tablePaging';
import { useTableState } from './useTableState';

/**
 * A server-paged list's state: paging and sorting, a debounced search box and filters; a new
 * search or filter goes back to the first page.
 */
export function useListState<F>(initialFilters: F, initialTable: Partial<TableState> = {}) {
  const table = useTableState(initialTable);
  const [search, setSearch] = useState('');
  const [filters, setFilters] = useState<F>(initialFilters);
  const debouncedSearch = useDebouncedValue(search.trim());
  const { resetPage } = table;
  useEffect(() => resetPage(), [debouncedSearch, filters, resetPage]);
  return { table, search, setSearch, debouncedSearch, filters, setFilters };
}
