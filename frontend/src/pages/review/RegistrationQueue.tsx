import { Empty, Flex, Pagination, Spin } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import { useState } from 'react';
import type { PageRegistrationPublic, RegistrationPublic } from '../../client';
import { LoadErrorAlert } from '../../components/LoadErrorAlert';
import { ReasonModal } from '../../components/ReasonModal';
import { useT } from '../../locales/i18n';
import { CustomerDrawer } from '../customer/CustomerDrawer';
import { RegistrationCard } from './RegistrationCard';
import { useDecisions } from './useDecisions';
import { QUEUE_PAGE_SIZE } from './useReviewQueues';

type Deciding = { registration: RegistrationPublic; verdict: 'approve' | 'reject' } | null;

/** Pending registrations, each with its conflicts; approve (optional note) or reject (reason). */
export function RegistrationQueue({
  query,
  page,
  setPage,
}: {
  query: UseQueryResult<PageRegistrationPublic, unknown>;
  page: number;
  setPage: (page: number) => void;
}) {
  const t = useT();
  const [deciding, setDeciding] = useState<Deciding>(null);
  const [customerId, setCustomerId] = useState<number | null>(null);
  const decisions = useDecisions(() => setDeciding(null));
  const items = query.data?.items ?? [];
  const target = deciding?.registration;
  const approving = deciding?.verdict === 'approve';

  return (
    <>
      {query.isError ? <LoadErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      <Spin spinning={query.isFetching}>
        <Flex vertical gap={16} data-testid="registration-queue">
          {items.map((registration) => (
            <RegistrationCard
              key={registration.id}
              registration={registration}
              onApprove={() => setDeciding({ registration, verdict: 'approve' })}
              onReject={() => setDeciding({ registration, verdict: 'reject' })}
              onOpenCustomer={() => setCustomerId(registration.customer.id)}
            />
          ))}
          {!query.isPending && items.length === 0 ? <Empty description={t('review.noRegistrations')} /> : null}
        </Flex>
      </Spin>
      {(query.data?.total ?? 0) > QUEUE_PAGE_SIZE ? (
        <Pagination
          style={{ marginTop: 16, textAlign: 'right' }}
          current={page}
          pageSize={QUEUE_PAGE_SIZE}
          total={query.data?.total ?? 0}
          onChange={setPage}
          showTotal={(total) => t('common.total', { total })}
        />
      ) : null}
      <ReasonModal
        open={!!deciding}
        title={t(approving ? 'review.approveTitle' : 'review.rejectTitle', { name: target?.customer.name ?? '' })}
        description={t(approving ? 'review.approveText' : 'review.rejectText')}
        label={approving ? t('review.note') : t('review.rejectReason')}
        minLength={approving ? 0 : 2}
        okText={approving ? t('review.approve') : t('review.reject')}
        danger={!approving}
        loading={decisions.approveRegistration.isPending || decisions.rejectRegistration.isPending}
        onSubmit={(reason) => {
          if (!target) return;
          const args = { path: { registration_id: target.id }, body: { reason } };
          if (approving) decisions.approveRegistration.mutate(args);
          else decisions.rejectRegistration.mutate(args);
        }}
        onCancel={() => setDeciding(null)}
        testId="decision-modal"
      />
      <CustomerDrawer customerId={customerId} onClose={() => setCustomerId(null)} />
    </>
  );
}
