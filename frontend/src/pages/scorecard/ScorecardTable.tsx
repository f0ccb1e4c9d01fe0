import { Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Scorecard } from '../../client';
import { formatNumber } from '../../lib/format';
import { useI18n } from '../../locales/i18n';
import { accuracyText, scorecardRows, type ScoreRow } from './scorecard';
import { Sparkline } from './Sparkline';

function Help({ title, help }: { title: string; help: string }) {
  return (
    <Tooltip title={help}>
      <span style={{ borderBottom: '1px dotted' }}>{title}</span>
    </Tooltip>
  );
}

/** One row per agent, expandable to its salespeople; the agent rows carry forecast accuracy. */
export function ScorecardTable({ card, loading }: { card: Scorecard | undefined; loading: boolean }) {
  const { t, lang } = useI18n();
  const months = card?.months ?? [];
  const number = (value: number) => formatNumber(value, lang);
  const columns: ColumnsType<ScoreRow> = [
    {
      key: 'name',
      title: t('scorecard.name'),
      fixed: 'left',
      render: (_, row) =>
        row.kind === 'agent' ? (
          <Typography.Text strong>{row.name}</Typography.Text>
        ) : (
          <>
            {row.name} {row.is_active ? null : <Tag>{t('scorecard.inactive')}</Tag>}
          </>
        ),
    },
    { key: 'protected', title: t('scorecard.protected'), align: 'right', render: (_, row) => number(row.protected_customers) },
    {
      key: 'overdue',
      title: <Help title={t('scorecard.overdue')} help={t('scorecard.overdueHelp')} />,
      align: 'right',
      render: (_, row) =>
        row.overdue_customers > 0 ? <Typography.Text type="danger">{number(row.overdue_customers)}</Typography.Text> : number(0),
    },
    { key: 'reports', title: t('scorecard.reports'), align: 'right', render: (_, row) => number(row.reports) },
    {
      key: 'perCustomerMonth',
      title: <Help title={t('scorecard.perCustomerMonth')} help={t('scorecard.perCustomerMonthHelp')} />,
      align: 'right',
      render: (_, row) => formatNumber(row.reports_per_customer_month, lang),
    },
    {
      key: 'reportTrend',
      title: t('scorecard.reportTrend'),
      render: (_, row) => (
        <Sparkline months={months} values={row.reports_by_month} label={t('scorecard.trendAria', { name: row.name, what: t('scorecard.reportTrend') })} />
      ),
    },
    { key: 'approved', title: t('scorecard.approved'), align: 'right', render: (_, row) => number(row.registrations_approved) },
    { key: 'rejected', title: t('scorecard.rejected'), align: 'right', render: (_, row) => number(row.registrations_rejected) },
    { key: 'orders', title: t('scorecard.orders'), align: 'right', render: (_, row) => number(row.orders) },
    { key: 'quantity', title: t('scorecard.quantity'), align: 'right', render: (_, row) => number(row.order_quantity) },
    {
      key: 'quantityTrend',
      title: t('scorecard.quantityTrend'),
      render: (_, row) => (
        <Sparkline
          months={months}
          values={row.quantity_by_month}
          color="#52c41a"
          label={t('scorecard.trendAria', { name: row.name, what: t('scorecard.quantityTrend') })}
        />
      ),
    },
    {
      key: 'accuracy',
      title: t('scorecard.accuracy'),
      align: 'right',
      render: (_, row) => {
        if (row.kind !== 'agent') return null;
        const text = accuracyText(row.forecast_accuracy_pct);
        return (
          <Tooltip
            title={
              text === null
                ? t('scorecard.noAccuracy')
                : t('scorecard.accuracyHelp', { forecast: number(row.forecast_quantity), shipped: number(row.shipped_quantity) })
            }
          >
            <span data-testid="scorecard-accuracy">{text ?? '—'}</span>
          </Tooltip>
        );
      },
    },
  ];
  return (
    <Table<ScoreRow>
      rowKey="key"
      size="small"
      columns={columns}
      dataSource={scorecardRows(card)}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="scorecard-table"
      onRow={(row) => ({ 'data-testid': row.kind === 'agent' ? 'scorecard-agent' : 'scorecard-salesperson' }) as never}
      locale={{ emptyText: t('scorecard.empty') }}
    />
  );
}
