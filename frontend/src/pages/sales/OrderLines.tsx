import { Empty, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { LinePublic, OrderPublic } from '../../client';
import { formatNumber } from '../../lib/format';
import { useI18n } from '../../locales/i18n';

/** (2) The lines of the selected order: project, model, domain, quantity, price, batches. */
export function OrderLines({ order }: { order: OrderPublic | null }) {
  const { t, lang } = useI18n();
  const columns: ColumnsType<LinePublic> = [
    { key: 'project', title: t('sales.line.project'), render: (_, line) => line.project.name },
    { key: 'model', title: t('sales.line.model'), render: (_, line) => line.mcu_model.part_number },
    { key: 'domain', title: t('sales.line.domain'), render: (_, line) => line.product_domain.name },
    { key: 'quantity', title: t('sales.line.quantity'), align: 'right', render: (_, line) => formatNumber(line.quantity, lang) },
    {
      key: 'price',
      title: t('sales.line.unitPrice'),
      align: 'right',
      render: (_, line) => (line.unit_price === null ? '—' : `${formatNumber(Number(line.unit_price), lang)} ${line.currency ?? ''}`),
    },
    {
      key: 'batches',
      title: t('sales.line.batches'),
      render: (_, line) => (
        <span data-testid="line-batches">
          {line.batches.length === 0
            ? '—'
            : line.batches.map((b) => (
                <Tag key={b} style={{ marginBottom: 2 }}>
                  {b}
                </Tag>
              ))}
        </span>
      ),
    },
  ];
  return (
    <Table<LinePublic>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={order?.lines ?? []}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="order-lines"
      locale={{ emptyText: <Empty description={order ? t('sales.lines.none') : t('sales.lines.pick')} /> }}
    />
  );
}
