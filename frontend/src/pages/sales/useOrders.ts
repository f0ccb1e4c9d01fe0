// Server state of the sales records screen: the customer, its projects, its orders and the writes.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ordersListOrders } from '../../client';
import {
  customersReadCustomerOptions,
  ordersCreateOrderMutation,
  ordersDeleteOrderMutation,
  ordersListOrdersOptions,
  ordersUpdateOrderMutation,
  projectsListProjectsOptions,
} from '../../client/@tanstack/react-query.gen';
import type { ExportCall } from '../../components/ExportMenu';
import { invalidateOperations } from '../../lib/queries';
import { toQuery, type TableState } from '../../lib/tablePaging';

export function useCustomerOrders(customerId: number, table: TableState) {
  const path = { customer_id: customerId };
  const { limit, offset } = toQuery(table);
  const customer = useQuery({ ...customersReadCustomerOptions({ path }), enabled: customerId > 0 });
  const projects = useQuery({ ...projectsListProjectsOptions({ path }), enabled: customerId > 0 });
  const orders = useQuery({
    ...ordersListOrdersOptions({ path, query: { limit, offset } }),
    enabled: customerId > 0,
    placeholderData: keepPreviousData,
  });
  // Every order of the customer, a row per line.
  const exportOrders: ExportCall = (format) =>
    ordersListOrders({ path, query: { format }, parseAs: 'blob', throwOnError: true });
  return { customer, projects, orders, exportOrders };
}

/** Create, update and delete; each refreshes the history and the statistics. */
export function useOrderWrites() {
  const queryClient = useQueryClient();
  const refresh = () => invalidateOperations(queryClient, 'ordersListOrders', 'ordersSearchOrders', 'ordersBatchCustomers', 'statsShipmentStats');
  const create = useMutation({ ...ordersCreateOrderMutation(), meta: { silent: true }, onSuccess: refresh });
  const update = useMutation({ ...ordersUpdateOrderMutation(), meta: { silent: true }, onSuccess: refresh });
  const remove = useMutation({ ...ordersDeleteOrderMutation(), onSuccess: refresh });
  return { create, update, remove };
}
