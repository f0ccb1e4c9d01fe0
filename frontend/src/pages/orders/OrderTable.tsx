import { Empty, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import type { OrderPublic } from '../../client';
import type { useTableState } from '../../hooks/useTableState';
import { formatNumber } from '../../lib/format';
import { serverPagination, sortOrderOf } from '../../lib/tablePaging';
import { useI18n } from '../../locales/i18n';

export interface OrderTableProps {
  orders: OrderPublic[];
  total: number | undefined;
  loading: boolean;
  table: ReturnType<typeof useTableState>;
  empty: string;
  testId: string;
}

/** Orders across customers: date, number, customer (to its sales records), models, batches, units. */
export function OrderTable({ orders, total, loading, table, empty, testId }: OrderTableProps) {
  const { t, lang } = useI18n();
  const sort = table.state.sort;
  const columns: ColumnsType<OrderPublic> = [
    {
      key: 'contract_date',
      title: t('sales.form.contractDate'),
      dataIndex: 'contract_date',
      width: 110,
      sorter: true,
      sortOrder: sortOrderOf(sort, 'contract_date'),
    },
    {
      key: 'order_number',
      title: t('sales.form.orderNumber'),
      sorter: true,
      sortOrder: sortOrderOf(sort, 'order_number'),
      render: (_, order) => <span data-testid="desk-order-number">{order.order_number}</span>,
    },
    {
      key: 'customer',
      title: t('orders.list.customer'),
      render: (_, order) => (
        <Link to={`/customers/${order.customer.id}/orders`} data-testid="desk-order-customer">
          {order.customer.name}
        </Link>
      ),
    },
    {
      key: 'models',
      title: t('orders.list.model'),
      render: (_, order) =>
        [...new Set(order.lines.map((l) => l.mcu_model.part_number))].map((m) => (
          <Tag key={m} style={{ marginBottom: 2 }}>
            {m}
          </Tag>
        )),
    },
    {
      key: 'batches',
      title: t('orders.list.batches'),
      render: (_, order) => (
        <Typography.Text style={{ fontSize: 12 }} data-testid="desk-order-batches">
          {[...new Set(order.lines.flatMap((l) => l.batches))].join(', ')}
        </Typography.Text>
      ),
    },
    {
      key: 'quantity',
      title: t('sales.line.quantity'),
      align: 'right',
      render: (_, order) => formatNumber(order.total_quantity ?? 0, lang),
    },
    { key: 'entered_by', title: t('orders.list.enteredBy'), render: (_, order) => order.created_by.display_name },
  ];
  return (
    <Table<OrderPublic>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={orders}
      loading={loading}
      onChange={table.onChange}
      pagination={serverPagination(t, table.state, total)}
      scroll={{ x: 'max-content' }}
      data-testid={testId}
      onRow={() => ({ 'data-testid': `${testId}-row` }) as never}
      locale={{ emptyText: loading ? ' ' : <Empty description={empty} /> }}
    />
  );
}
