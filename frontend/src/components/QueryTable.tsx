// One server-paged list: the table of a paged query with its load-error banner, spinner, paging,
// sorting and empty state. The list screens wired these the same way each time; the screens now
// say only what differs (columns, row extras, the empty text).
import { Empty, Table, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../locales/i18n';
import { LoadErrorAlert } from './LoadErrorAlert';
import type { useTableState } from '../hooks/useTableState';
import { serverPagination } from '../lib/tablePaging';

/** What QueryTable reads of a TanStack query for one page of a list endpoint. */
export interface PagedQuery<T> {
  data: { items: T[]; total: number } | undefined;
  error: unknown;
  isError: boolean;
  isPending: boolean;
  isFetching: boolean;
  refetch: () => Promise<unknown>;
}

export interface QueryTableProps<T> extends Omit<TableProps<T>, 'dataSource' | 'loading' | 'onChange' | 'pagination' | 'locale'> {
  query: PagedQuery<T>;
  /** The page and sort the query was made with (useTableState). */
  table: Pick<ReturnType<typeof useTableState>, 'state' | 'onChange'>;
  /** Said when the list is empty (once loaded: while the first page loads nothing is said). */
  empty: ReactNode;
}

/** Rows are keyed by `id`, sized "middle" and scroll sideways unless the caller says otherwise. */
export function QueryTable<T extends object>({ query, table, empty, ...tableProps }: QueryTableProps<T>) {
  const t = useT();
  return (
    <>
      {query.isError ? <LoadErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      <Table<T>
        rowKey="id"
        scroll={{ x: 'max-content' }}
        size="middle"
        {...tableProps}
        dataSource={query.data?.items ?? []}
        loading={query.isFetching}
        onChange={table.onChange}
        pagination={serverPagination(t, table.state, query.data?.total)}
        locale={{ emptyText: query.isPending ? ' ' : <Empty description={empty} /> }}
      />
    </>
  );
}
