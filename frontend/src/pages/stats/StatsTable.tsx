import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ShipmentRow, ShipmentStats } from '../../client';
import { formatNumber } from '../../lib/format';
import { useI18n } from '../../locales/i18n';

function amountsText(amounts: Record<string, number>, lang: string): string {
  const entries = Object.entries(amounts);
  if (entries.length === 0) return '—';
  return entries.map(([currency, amount]) => `${currency} ${formatNumber(amount, lang)}`).join(' / ');
}

export function ChangeText({ pct, lang }: { pct: number | null; lang: string }) {
  if (pct === null) return <Typography.Text type="secondary">—</Typography.Text>;
  const type = pct > 0 ? 'success' : pct < 0 ? 'danger' : undefined;
  return <Typography.Text type={type}>{`${pct > 0 ? '+' : ''}${formatNumber(pct, lang)}%`}</Typography.Text>;
}

/** Label, quantity, amounts, previous period and change %, with the total as the last row. */
export function StatsTable({ stats, loading }: { stats: ShipmentStats | undefined; loading: boolean }) {
  const { t, lang } = useI18n();
  // Not grouped: the total is the one row (the API labels its single row "0"; say 合计 instead).
  const ungrouped = stats?.group_by === 'none';
  const rows = !stats ? [] : ungrouped ? [{ ...stats.total, label: t('sales.stats.total') }] : stats.rows;
  const columns: ColumnsType<ShipmentRow> = [
    { key: 'label', title: t(`sales.stats.dimension.${stats?.group_by ?? 'none'}`), dataIndex: 'label' },
    { key: 'quantity', title: t('sales.stats.quantity'), align: 'right', render: (_, r) => formatNumber(r.quantity, lang) },
    { key: 'amounts', title: t('sales.stats.amounts'), align: 'right', render: (_, r) => amountsText(r.amounts, lang) },
    {
      key: 'previous',
      title: t('sales.stats.previous'),
      align: 'right',
      render: (_, r) => formatNumber(r.previous_quantity, lang),
    },
    { key: 'change', title: t('sales.stats.change'), align: 'right', render: (_, r) => <ChangeText pct={r.change_pct} lang={lang} /> },
  ];
  return (
    <Table<ShipmentRow>
      rowKey="key"
      size="small"
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="stats-table"
      onRow={() => ({ 'data-testid': 'stats-row' }) as never}
      summary={() =>
        stats && !ungrouped && stats.rows.length > 0 ? (
          <Table.Summary.Row data-testid="stats-total">
            <Table.Summary.Cell index={0}>
              <Typography.Text strong>{t('sales.stats.total')}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              <Typography.Text strong>{formatNumber(stats.total.quantity, lang)}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              {amountsText(stats.total.amounts, lang)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right">
              {formatNumber(stats.total.previous_quantity, lang)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={4} align="right">
              <ChangeText pct={stats.total.change_pct} lang={lang} />
            </Table.Summary.Cell>
          </Table.Summary.Row>
        ) : null
      }
    />
  );
}
