import { Empty, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { OrderPublic } from '../../client';
import { formatNumber } from '../../lib/format';
import { RowActions, type RowAction } from '../../components/RowActions';
import type { useTableState } from '../../hooks/useTableState';
import { serverPagination } from '../../lib/tablePaging';
import { useI18n } from '../../locales/i18n';

export interface OrderHistoryProps {
  orders: OrderPublic[];
  total: number | undefined;
  loading: boolean;
  table: ReturnType<typeof useTableState>;
  selectedId: number | null;
  onSelect: (order: OrderPublic) => void;
  /** Edit / delete, for those who enter orders; undefined otherwise. */
  actionsOf?: (order: OrderPublic) => RowAction[];
}

/** (1) The customer's orders, newest contract first; a click shows its lines. */
export function OrderHistory({ orders, total, loading, table, selectedId, onSelect, actionsOf }: OrderHistoryProps) {
  const { t, lang } = useI18n();
  const columns: ColumnsType<OrderPublic> = [
    { key: 'contract_date', title: t('sales.form.contractDate'), dataIndex: 'contract_date', width: 110 },
    {
      key: 'order_number',
      title: t('sales.form.orderNumber'),
      render: (_, order) => (
        <Typography.Text strong={order.id === selectedId} data-testid="order-number" title={t('sales.history.enteredBy', { name: order.created_by.display_name })}>
          {order.order_number}
        </Typography.Text>
      ),
    },
    {
      key: 'models',
      title: t('sales.line.model'),
      render: (_, order) =>
        [...new Set(order.lines.map((l) => l.mcu_model.part_number))].map((m) => (
          <Tag key={m} style={{ marginBottom: 2 }}>
            {m}
          </Tag>
        )),
    },
    {
      key: 'quantity',
      title: t('sales.line.quantity'),
      align: 'right',
      render: (_, order) => formatNumber(order.total_quantity ?? 0, lang),
    },
  ];
  if (actionsOf) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      render: (_, order) => <RowActions actions={actionsOf(order)} subject={order.order_number} />,
    });
  }
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
      data-testid="order-history"
      rowClassName={(order) => (order.id === selectedId ? 'ant-table-row-selected' : '')}
      onRow={(order) => ({ onClick: () => onSelect(order), style: { cursor: 'pointer' }, 'data-testid': 'order-row' }) as never}
      locale={{ emptyText: loading ? ' ' : <Empty description={t('sales.history.empty')} /> }}
    />
  );
}
