import { DatePicker, Flex, Input } from 'antd';
import { useEffect, useState } from 'react';
import { ExportMenu } from '../../components/ExportMenu';
import { FilterSelect } from '../../components/FilterSelect';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { useTableState } from '../../hooks/useTableState';
import { useT } from '../../locales/i18n';
import { useMcuModels } from '../forecast/useForecast';
import { CustomerPicker } from './CustomerPicker';
import { OrderTable } from './OrderTable';
import { NO_SEARCH, exportOrders, orderQuery, useOrderSearch, type OrderSearch } from './useDesk';

/** 订单查询: every visible order, searched by order number, batch, customer, model and date. */
export function ListTab() {
  const t = useT();
  const table = useTableState();
  const [search, setSearch] = useState<OrderSearch>(NO_SEARCH);
  const [customerName, setCustomerName] = useState('');
  const set = (patch: Partial<OrderSearch>) => setSearch((current) => ({ ...current, ...patch }));
  const typed = useDebouncedValue(search);
  const query = { ...orderQuery(typed), ...(table.query.sort ? { sort: table.query.sort } : {}) };
  const queryKey = JSON.stringify(orderQuery(typed));
  const { resetPage } = table;
  useEffect(() => resetPage(), [queryKey, resetPage]);
  const orders = useOrderSearch(query, { limit: table.query.limit, offset: table.query.offset });
  const models = useMcuModels();
  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Input
          allowClear
          value={search.orderNumber}
          onChange={(e) => set({ orderNumber: e.target.value })}
          placeholder={t('orders.list.orderNumber')}
          aria-label={t('orders.list.orderNumber')}
          style={{ width: 220 }}
          data-testid="desk-search-order"
        />
        <Input
          allowClear
          value={search.batch}
          onChange={(e) => set({ batch: e.target.value })}
          placeholder={t('orders.list.batch')}
          aria-label={t('orders.list.batch')}
          style={{ width: 220 }}
          data-testid="desk-search-batch"
        />
        <CustomerPicker
          label={t('orders.list.customer')}
          value={search.customerId === null ? null : { id: search.customerId, name: customerName }}
          onChange={(picked) => {
            setCustomerName(picked?.name ?? '');
            set({ customerId: picked?.id ?? null });
          }}
          style={{ width: 240 }}
          testId="desk-search-customer"
        />
        <FilterSelect<number>
          label={t('orders.list.model')}
          width={180}
          showSearch={{ optionFilterProp: 'label' }}
          value={search.mcuModelId ?? undefined}
          onChange={(value) => set({ mcuModelId: value ?? null })}
          options={(models.data ?? []).map((m) => ({ value: m.id, label: m.part_number }))}
        />
        <DatePicker.RangePicker
          value={search.dates}
          onChange={(range) => set({ dates: range && range[0] && range[1] ? [range[0], range[1]] : null })}
          aria-label={t('orders.list.dates')}
        />
        <ExportMenu call={exportOrders(query)} name="orders" testId="desk-orders-export" />
      </Flex>
      <OrderTable
        orders={orders.data?.items ?? []}
        total={orders.data?.total}
        loading={orders.isFetching}
        table={table}
        empty={t('orders.list.empty')}
        testId="desk-orders"
      />
    </>
  );
}
