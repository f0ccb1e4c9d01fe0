// Server-side paging and sorting for antd tables: page/pageSize/sort as API query params.
import type { TablePaginationConfig } from 'antd';
import type { Translate } from '../locales/i18n';

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
