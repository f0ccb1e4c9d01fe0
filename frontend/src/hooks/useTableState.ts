// A server-paged table's page, size and sort (antd's onChange), as API query params.
import { useCallback, useState } from 'react';
import type { TablePaginationConfig } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { toQuery, type TableState } from '../lib/tablePaging';

export function useTableState(initial: Partial<TableState> = {}) {
  const [state, setState] = useState<TableState>({ page: 1, pageSize: 20, sort: undefined, ...initial });

  const onChange = useCallback(
    <T,>(pagination: TablePaginationConfig, _filters: unknown, sorter: SorterResult<T> | SorterResult<T>[]) => {
      const one = Array.isArray(sorter) ? sorter[0] : sorter;
      const key = one?.columnKey ? String(one.columnKey) : undefined;
      const sort = key && one.order ? (one.order === 'descend' ? `-${key}` : key) : undefined;
      setState((prev) => ({
        page: sort !== prev.sort || pagination.pageSize !== prev.pageSize ? 1 : (pagination.current ?? 1),
        pageSize: pagination.pageSize ?? prev.pageSize,
        sort,
      }));
    },
    [],
  );

  /** Back to the first page (a filter or the search changed). */
  const resetPage = useCallback(() => setState((prev) => (prev.page === 1 ? prev : { ...prev, page: 1 })), []);

  return { state, query: toQuery(state), onChange, resetPage };
}
