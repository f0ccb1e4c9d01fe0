import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { deskListReviewsDue, type ReviewDue } from '../../client';
import { deskListReviewsDueOptions } from '../../client/@tanstack/react-query.gen';
import { ExportMenu } from '../../components/ExportMenu';
import { LoadErrorAlert } from '../../components/LoadErrorAlert';
import { reviewTiming } from '../../lib/desk';
import { formatDate } from '../../lib/format';
import { useT } from '../../locales/i18n';

/** Mass-production (量产) customers whose periodic review is due or overdue; reviewed in the customer's details. */
export function ReviewsDue({ onOpenCustomer }: { onOpenCustomer: (id: number) => void }) {
  const t = useT();
  const query = useQuery({ ...deskListReviewsDueOptions(), meta: { silent: true } });
  const columns: ColumnsType<ReviewDue> = [
    {
      title: t('desk.report.customer'),
      key: 'customer',
      render: (_: unknown, r) => (
        <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => onOpenCustomer(r.customer.id)}>
          {r.customer.name}
        </Button>
      ),
    },
    { title: t('desk.report.agent'), key: 'agent', render: (_: unknown, r) => r.agent?.name ?? '—' },
    { title: t('desk.reviews.nextReview'), dataIndex: 'next_review_at', render: (v: string) => formatDate(v) },
    {
      title: t('desk.reviews.daysLeft'),
      key: 'left',
      render: (_: unknown, r) => {
        const timing = reviewTiming(r.days_left);
        return timing.overdue ? (
          <Tag color="red">{t('desk.reviews.overdue', { days: timing.days })}</Tag>
        ) : (
          <Tag color="orange">{t('desk.reviews.inDays', { days: timing.days })}</Tag>
        );
      },
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, r) => (
        <Button size="small" onClick={() => onOpenCustomer(r.customer.id)} data-testid="review-open">
          {t('desk.reviews.review')}
        </Button>
      ),
    },
  ];
  return (
    <>
      <Flex gap={8} align="start" style={{ marginBottom: 16 }}>
        <Alert type="info" showIcon title={t('desk.reviews.hint')} style={{ flex: 1 }} />
        <ExportMenu
          call={(format) => deskListReviewsDue({ query: { format }, parseAs: 'blob', throwOnError: true })}
          name="reviews-due"
          testId="reviews-export"
        />
      </Flex>
      {query.isError ? <LoadErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      <Table<ReviewDue>
        rowKey={(r) => r.customer.id}
        columns={columns}
        dataSource={query.data ?? []}
        loading={query.isFetching}
        scroll={{ x: 'max-content' }}
        size="middle"
        data-testid="desk-reviews"
        locale={{ emptyText: query.isPending ? ' ' : t('desk.reviews.none') }}
        pagination={false}
      />
    </>
  );
}
