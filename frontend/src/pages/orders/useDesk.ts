// Server state of the order desk: orders across customers, the batch trace, their downloads.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { ordersBatchCustomers, ordersSearchOrders, type OrdersSearchOrdersData } from '../../client';
import { ordersBatchCustomersOptions, ordersSearchOrdersOptions } from '../../client/@tanstack/react-query.gen';
import type { ExportCall } from '../../components/ExportMenu';
import type { TableQuery } from '../../lib/tablePaging';
import { shanghaiToday } from '../../lib/format';

export type OrderQuery = NonNullable<OrdersSearchOrdersData['query']>;

/** What the order list is searched by; empty texts and cleared pickers are left out. */
export interface OrderSearch {
  orderNumber: string;
  batch: string;
  customerId: number | null;
  mcuModelId: number | null;
  dates: [Dayjs, Dayjs] | null;
}

export const NO_SEARCH: OrderSearch = { orderNumber: '', batch: '', customerId: null, mcuModelId: null, dates: null };

export function orderQuery(search: OrderSearch): OrderQuery {
  const query: OrderQuery = {};
  if (search.orderNumber.trim()) query.order_number = search.orderNumber.trim();
  if (search.batch.trim()) query.batch = search.batch.trim();
  if (search.customerId !== null) query.customer_id = search.customerId;
  if (search.mcuModelId !== null) query.mcu_model_id = search.mcuModelId;
  if (search.dates) {
    query.date_from = search.dates[0].format('YYYY-MM-DD');
    query.date_to = search.dates[1].format('YYYY-MM-DD');
  }
  return query;
}

export function useOrderSearch(query: OrderQuery, page: TableQuery) {
  return useQuery({
    ...ordersSearchOrdersOptions({ query: { ...query, ...page } }),
    placeholderData: keepPreviousData,
    meta: { silent: true },
  });
}

/** The orders recorded today (the China day, as the API counts it), newest first. */
export function useTodaysOrders(page: TableQuery) {
  return useOrderSearch({ entered_on: shanghaiToday().format('YYYY-MM-DD'), sort: '-created_at' }, page);
}

export function useBatchTrace(batch: string) {
  return useQuery({ ...ordersBatchCustomersOptions({ path: { batch } }), enabled: batch !== '', meta: { silent: true } });
}

/** The orders as searched, a row per line. */
export const exportOrders =
  (query: OrderQuery): ExportCall =>
  (format) =>
    ordersSearchOrders({ query: { ...query, format }, parseAs: 'blob', throwOnError: true });

/** The customers of a traced batch. */
export const exportTrace =
  (batch: string): ExportCall =>
  (format) =>
    ordersBatchCustomers({ path: { batch }, query: { format }, parseAs: 'blob', throwOnError: true });
