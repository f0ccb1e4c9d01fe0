import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Forecast, ModelMonths } from '../../client';
import { formatNumber } from '../../lib/format';
import { useI18n } from '../../locales/i18n';

/** Per-model monthly demand: months as columns, a total per model and per month. */
export function ForecastTable({ forecast, loading }: { forecast: Forecast | undefined; loading: boolean }) {
  const { t, lang } = useI18n();
  const months = forecast?.months ?? [];
  const rows = forecast?.by_model ?? [];
  const columns: ColumnsType<ModelMonths> = [
    { key: 'model', title: t('sales.forecast.model'), dataIndex: 'mcu_model', fixed: 'left' },
    ...months.map((month) => ({
      key: month,
      title: month,
      align: 'right' as const,
      render: (_: unknown, row: ModelMonths) => formatNumber(Math.round(row.by_month[month] ?? 0), lang),
    })),
    {
      key: 'total',
      title: t('sales.forecast.total'),
      align: 'right',
      fixed: 'right',
      render: (_, row) => <Typography.Text strong>{formatNumber(Math.round(row.total), lang)}</Typography.Text>,
    },
  ];
  const monthTotal = (month: string) => rows.reduce((sum, row) => sum + (row.by_month[month] ?? 0), 0);
  return (
    <Table<ModelMonths>
      rowKey="mcu_model_id"
      size="small"
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="forecast-table"
      summary={() =>
        rows.length > 0 ? (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <Typography.Text strong>{t('sales.forecast.total')}</Typography.Text>
            </Table.Summary.Cell>
            {months.map((month, i) => (
              <Table.Summary.Cell key={month} index={i + 1} align="right">
                {formatNumber(Math.round(monthTotal(month)), lang)}
              </Table.Summary.Cell>
            ))}
            <Table.Summary.Cell index={months.length + 1} align="right">
              <Typography.Text strong>{formatNumber(Math.round(rows.reduce((s, r) => s + r.total, 0)), lang)}</Typography.Text>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        ) : null
      }
    />
  );
}
