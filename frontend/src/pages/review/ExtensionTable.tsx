import { Button, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ExtensionPublic } from '../../client';
import { CustomerBriefCell } from '../../components/CustomerBriefCell';
import { formatDate, formatTime } from '../../lib/format';
import { useT } from '../../locales/i18n';
import type { QueueItemsProps } from './ApplicationQueue';
import { currentEnd } from './extensionDates';
import { FollowupEvidence } from './FollowupEvidence';

/** Pending extensions: the current end, the date hoped for, why, and the follow-up evidence. */
/** From the desk, an extension comes with the days it has waited. */
type Listed = ExtensionPublic & { age_days?: number };

export function ExtensionTable({ items, loading, empty, onDecide }: QueueItemsProps<Listed>) {
  const t = useT();
  const waiting = items.some((e) => e.age_days !== undefined);
  const columns: ColumnsType<Listed> = [
    {
      title: t('customer.name'),
      key: 'customer',
      render: (_: unknown, e) => <CustomerBriefCell customer={e.customer} extra={e.applicant.display_name} />,
    },
    { title: t('review.currentEnd'), key: 'current', render: (_: unknown, e) => formatDate(currentEnd(e)) },
    { title: t('extension.requestedUntil'), dataIndex: 'requested_until', render: (v: string | null) => formatDate(v) },
    {
      title: t('extension.reason'),
      dataIndex: 'reason',
      render: (v: string) => <div style={{ minWidth: 200, maxWidth: 360, whiteSpace: 'pre-wrap' }}>{v}</div>,
    },
    { title: t('review.evidence'), key: 'evidence', render: (_: unknown, e) => <FollowupEvidence evidence={e.evidence} /> },
    { title: t('applications.createdAt'), dataIndex: 'created_at', render: (v: string) => formatTime(v) },
    ...(waiting
      ? [{ title: t('desk.waiting'), key: 'age', render: (_: unknown, e: Listed) => t('desk.waitingDays', { days: e.age_days ?? 0 }) }]
      : []),
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_: unknown, e) => (
        <Space size={4}>
          <Button type="link" size="small" onClick={() => onDecide(e, 'approve')} data-testid="extension-approve">
            {t('review.approve')}
          </Button>
          <Button type="link" size="small" danger onClick={() => onDecide(e, 'reject')} data-testid="extension-reject">
            {t('review.reject')}
          </Button>
        </Space>
      ),
    },
  ];
  return (
    <Table<Listed>
      rowKey="id"
      columns={columns}
      dataSource={items}
      loading={loading}
      scroll={{ x: 'max-content' }}
      size="middle"
      data-testid="extension-queue"
      locale={{ emptyText: empty ?? ' ' }}
      pagination={false}
    />
  );
}
