import { Empty, Pagination } from 'antd';
import { useState, type ComponentType, type ReactNode } from 'react';
import type { RejectionIn } from '../../client';
import { LoadErrorAlert } from '../../components/LoadErrorAlert';
import { ReasonModal } from '../../components/ReasonModal';
import type { UseApplicationPage } from '../../hooks/useApplicationPage';
import type { Application, Verdict } from '../../lib/applications';
import { useT, type MessageKey } from '../../locales/i18n';
import { useDecisions } from './useDecisions';
import { QUEUE_PAGE_SIZE, type PendingQueue } from './usePendingQueue';

export interface QueueItemsProps<T> {
  items: T[];
  loading: boolean;
  /** Said when nothing waits (null while the first page loads). */
  empty: ReactNode;
  onDecide: (item: T, verdict: Verdict) => void;
}

export interface ApproveModalProps<T, Approval> {
  /** The application being approved; null: the dialog is closed. */
  target: T | null;
  loading: boolean;
  onSubmit: (approval: Approval) => void;
  onCancel: () => void;
}

/** What one kind of application brings to the vendor's review queue. */
export interface ReviewQueueKind<T extends Application, Approval> {
  usePage: UseApplicationPage<T>;
  /** The pending applications as the vendor weighs them, each with approve and reject. */
  Items: ComponentType<QueueItemsProps<T>>;
  /** Approval asks for what this kind needs (a note; a new end of protection). */
  ApproveModal: ComponentType<ApproveModalProps<T, Approval>>;
  approve: (id: number, approval: Approval) => Promise<T>;
  reject: (id: number, rejection: RejectionIn) => Promise<T>;
  text: Record<'empty' | 'rejectTitle' | 'rejectText' | 'approved' | 'rejected', MessageKey>;
  /** The reject dialog's test id (its OK button: `<id>-ok`). */
  rejectTestId: string;
}

/** Pending applications of one kind, oldest first; approve, or reject with a reason. */
export function ApplicationQueue<T extends Application, Approval>({
  kind,
  queue: { query, page, setPage },
}: {
  kind: ReviewQueueKind<T, Approval>;
  queue: PendingQueue<T>;
}) {
  const t = useT();
  const [deciding, setDeciding] = useState<{ item: T; verdict: Verdict } | null>(null);
  const decisions = useDecisions(kind, () => setDeciding(null));
  const target = deciding?.item;
  const { Items, ApproveModal } = kind;

  return (
    <>
      {query.isError ? <LoadErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      <Items
        items={query.data?.items ?? []}
        loading={query.isFetching}
        empty={query.isPending ? null : <Empty description={t(kind.text.empty)} />}
        onDecide={(item, verdict) => setDeciding({ item, verdict })}
      />
      <Pagination
        hideOnSinglePage
        style={{ marginTop: 16, textAlign: 'right' }}
        current={page}
        pageSize={QUEUE_PAGE_SIZE}
        total={query.data?.total ?? 0}
        onChange={setPage}
        showTotal={(total) => t('common.total', { total })}
      />
      <ApproveModal
        target={deciding?.verdict === 'approve' ? deciding.item : null}
        loading={decisions.approve.isPending}
        onSubmit={(approval) => target && decisions.approve.mutate({ id: target.id, approval })}
        onCancel={() => setDeciding(null)}
      />
      <ReasonModal
        open={deciding?.verdict === 'reject'}
        title={t(kind.text.rejectTitle, { name: target?.customer.name ?? '' })}
        description={t(kind.text.rejectText)}
        label={t('review.rejectReason')}
        minLength={2}
        okText={t('review.reject')}
        danger
        loading={decisions.reject.isPending}
        onSubmit={(reason) => target && decisions.reject.mutate({ id: target.id, rejection: { reason } })}
        onCancel={() => setDeciding(null)}
        testId={kind.rejectTestId}
      />
    </>
  );
}
