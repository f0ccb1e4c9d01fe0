// Server-side paging and sorting for antd tables: page/pageSize/sort as API query params.
import { useCallback, useState } from 'react';
import type { TablePaginationConfig } from 'antd';
import type { Translate } from '../locales/i18n';
import type { SorterResult } from 'antd/es/table/interface';

export interface TableState {
  page: number;
  pageSize: number;
  /** API sort key, "-" prefix for descending; undefined = the server's default order. */
  sort: string | undefined;
}

export interface TableQuery {
  limit: number;
  offset: number;
  sort?: string;
}

export function toQuery(state: TableState): TableQuery {
  const query: TableQuery = { limit: state.pageSize, offset: (state.page - 1) * state.pageSize };
  if (state.sort) query.sort = state.sort;
  return query;
}

export function sortOrderOf(sort: string | undefined, key: string): 'ascend' | 'descend' | null {
  if (sort === key) return 'ascend';
  if (sort === `-${key}`) return 'descend';
  return null;
}

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

/** The pagination of a server-paged table: page, size choices and the total. */
export function serverPagination(t: Translate, state: TableState, total: number | undefined): TablePaginationConfig {
  return {
    current: state.page,
    pageSize: state.pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: [10, 20, 50, 100],
    showTotal: (count) => t('common.total', { total: count }),
  };
}
