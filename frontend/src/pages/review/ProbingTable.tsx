import { Empty, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ProbingUser } from '../../client';
import { registrationsListProbingOptions } from '../../client/@tanstack/react-query.gen';
import { LoadErrorAlert } from '../../components/LoadErrorAlert';
import { useT } from '../../locales/i18n';
import { byConcern } from './probing';

const WINDOWS = [7, 30, 90] as const;

/** 查询异常: users who check many names but apply for few (someone fishing for who holds what). */
export function ProbingTable() {
  const t = useT();
  const [days, setDays] = useState<number>(30);
  const query = useQuery({ ...registrationsListProbingOptions({ query: { days } }), meta: { silent: true } });
  const rows = [...(query.data ?? [])].sort(byConcern);
  const columns: ColumnsType<ProbingUser> = [
    { title: t('probing.user'), key: 'user', render: (_: unknown, p) => p.user.display_name },
    { title: t('customer.agent'), key: 'agent', render: (_: unknown, p) => p.agent?.name ?? '—' },
    { title: t('probing.namesChecked'), dataIndex: 'names_checked', align: 'right' },
    { title: t('probing.applications'), dataIndex: 'applications', align: 'right' },
    {
      title: t('common.status'),
      dataIndex: 'flagged',
      render: (flagged: boolean) =>
        flagged ? <Tag color="error">{t('probing.flagged')}</Tag> : <Tag>{t('probing.normal')}</Tag>,
    },
  ];
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Typography.Text type="secondary">{t('probing.window')}</Typography.Text>
        <Segmented<number>
          value={days}
          onChange={setDays}
          options={WINDOWS.map((d) => ({ value: d, label: t('probing.days', { days: d }) }))}
        />
      </Space>
      {query.isError ? <LoadErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      <Table<ProbingUser>
        rowKey={(p) => p.user.id}
        columns={columns}
        dataSource={rows}
        loading={query.isFetching}
        scroll={{ x: 'max-content' }}
        size="middle"
        pagination={false}
        rowClassName={(p) => (p.flagged ? 'probing-flagged' : '')}
        data-testid="probing-table"
        locale={{ emptyText: query.isPending ? ' ' : <Empty description={t('probing.empty')} /> }}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
        {t('probing.explain')}
      </Typography.Paragraph>
    </>
  );
}
