import { Alert, Empty, Flex, Input, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { BatchCustomer } from '../../client';
import { ExportMenu } from '../../components/ExportMenu';
import { LoadErrorAlert } from '../../components/LoadErrorAlert';
import { formatNumber } from '../../lib/format';
import { useI18n } from '../../locales/i18n';
import { exportTrace, useBatchTrace } from './useDesk';

/** 批次追溯: which customers received a batch, in one search; the batch stays in the URL. */
export function TraceTab() {
  const { t, lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const batch = (params.get('batch') ?? '').trim();
  const [typed, setTyped] = useState(batch);
  const trace = useBatchTrace(batch);
  const columns: ColumnsType<BatchCustomer> = [
    {
      key: 'customer',
      title: t('orders.list.customer'),
      render: (_, row) => (
        <Link to={`/customers/${row.customer.id}/orders`} data-testid="trace-customer">
          {row.customer.name}
        </Link>
      ),
    },
    { key: 'batches', title: t('orders.trace.batch'), render: (_, row) => row.batches.join(', ') },
    { key: 'orders', title: t('orders.trace.orders'), render: (_, row) => row.order_numbers.join(', ') },
    { key: 'quantity', title: t('sales.line.quantity'), align: 'right', render: (_, row) => formatNumber(row.quantity, lang) },
    { key: 'first', title: t('orders.trace.firstDate'), dataIndex: 'first_date' },
    { key: 'last', title: t('orders.trace.lastDate'), dataIndex: 'last_date' },
  ];
  return (
    <>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
        <Input.Search
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          onSearch={(value) => setParams({ tab: 'trace', batch: value.trim() }, { replace: true })}
          enterButton={t('orders.trace.search')}
          placeholder={t('orders.trace.placeholder')}
          aria-label={t('orders.trace.batch')}
          maxLength={50}
          style={{ width: 380, maxWidth: '100%' }}
          data-testid="trace-batch"
        />
        <ExportMenu call={exportTrace(batch)} name={`batch-${batch}`} testId="trace-export" disabled={!trace.data?.length} />
      </Flex>
      {trace.isError ? <LoadErrorAlert error={trace.error} onRetry={() => void trace.refetch()} /> : null}
      {!batch ? <Alert type="info" showIcon title={t('orders.trace.hint')} /> : null}
      {batch && trace.data ? (
        <>
          <Typography.Paragraph data-testid="trace-summary">{t('orders.trace.summary', { count: trace.data.length, batch })}</Typography.Paragraph>
          <Table<BatchCustomer>
            rowKey={(row) => row.customer.id}
            size="small"
            columns={columns}
            dataSource={trace.data}
            pagination={false}
            scroll={{ x: 'max-content' }}
            data-testid="trace-table"
            locale={{ emptyText: <Empty description={t('orders.trace.empty')} /> }}
          />
        </>
      ) : null}
    </>
  );
}
