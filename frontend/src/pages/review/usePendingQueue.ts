import { useState } from 'react';
import type { Application } from '../../lib/applications';
import type { ReviewQueueKind } from './ApplicationQueue';

export const QUEUE_PAGE_SIZE = 10;

/** One page of the pending applications of a kind (the oldest decisions wait), and its paging. */
export function usePendingQueue<T extends Application, Approval>(kind: ReviewQueueKind<T, Approval>) {
  const [page, setPage] = useState(1);
  const query = kind.usePage({ status: 'pending', limit: QUEUE_PAGE_SIZE, offset: (page - 1) * QUEUE_PAGE_SIZE });
  return { query, page, setPage };
}

export type PendingQueue<T extends Application> = ReturnType<typeof usePendingQueue<T, unknown>>;
