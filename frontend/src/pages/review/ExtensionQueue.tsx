import { Button, Empty, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { UseQueryResult } from '@tanstack/react-query';
import { useState } from 'react';
import type { ExtensionPublic, PageExtensionPublic } from '../../client';
import { CustomerBriefCell } from '../../components/CustomerBriefCell';
import { formatDate, formatTime } from '../../lib/format';
import { LoadErrorAlert } from '../../components/LoadErrorAlert';
import { ReasonModal } from '../../components/ReasonModal';
import { useT } from '../../locales/i18n';
import { ExtensionApproveModal } from './ExtensionApproveModal';
import { currentEnd } from './extensionDates';
import { useDecisions } from './useDecisions';
import { QUEUE_PAGE_SIZE } from './useReviewQueues';

/** Pending extensions: current end, requested date and reason; approve with a date or reject. */
export function ExtensionQueue({
  query,
  page,
  setPage,
}: {
  query: UseQueryResult<PageExtensionPublic, unknown>;
  page: number;
  setPage: (page: number) => void;
}) {
  const t = useT();
  const [approving, setApproving] = useState<ExtensionPublic | null>(null);
  const [rejecting, setRejecting] = useState<ExtensionPublic | null>(null);
  const decisions = useDecisions(() => {
    setApproving(null);
    setRejecting(null);
  });

  const columns: ColumnsType<ExtensionPublic> = [
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
    { title: t('applications.createdAt'), dataIndex: 'created_at', render: (v: string) => formatTime(v) },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_: unknown, e) => (
        <Space size={4}>
          <Button type="link" size="small" onClick={() => setApproving(e)} data-testid="extension-approve">
            {t('review.approve')}
          </Button>
          <Button type="link" size="small" danger onClick={() => setRejecting(e)} data-testid="extension-reject">
            {t('review.reject')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <>
      {query.isError ? <LoadErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      <Table<ExtensionPublic>
        rowKey="id"
        columns={columns}
        dataSource={query.data?.items ?? []}
        loading={query.isFetching}
        scroll={{ x: 'max-content' }}
        size="middle"
        data-testid="extension-queue"
        locale={{ emptyText: query.isPending ? ' ' : <Empty description={t('review.noExtensions')} /> }}
        pagination={{
          current: page,
          pageSize: QUEUE_PAGE_SIZE,
          total: query.data?.total ?? 0,
          onChange: setPage,
          hideOnSinglePage: true,
          showTotal: (total) => t('common.total', { total }),
        }}
      />
      <ExtensionApproveModal
        extension={approving}
        loading={decisions.approveExtension.isPending}
        onSubmit={(protectionUntil, reason) =>
          approving &&
          decisions.approveExtension.mutate({
            path: { extension_id: approving.id },
            body: { protection_until: protectionUntil, reason },
          })
        }
        onCancel={() => setApproving(null)}
      />
      <ReasonModal
        open={!!rejecting}
        title={t('review.rejectExtensionTitle', { name: rejecting?.customer.name ?? '' })}
        description={t('review.rejectExtensionText')}
        label={t('review.rejectReason')}
        minLength={2}
        okText={t('review.reject')}
        danger
        loading={decisions.rejectExtension.isPending}
        onSubmit={(reason) =>
          rejecting && decisions.rejectExtension.mutate({ path: { extension_id: rejecting.id }, body: { reason } })
        }
        onCancel={() => setRejecting(null)}
        testId="extension-reject-modal"
      />
    </>
  );
}
