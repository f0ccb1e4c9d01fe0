import { QueryClient, QueryClientProvider, type UseQueryResult } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from 'antd';
import { describe, expect, it, vi } from 'vitest';
import type { DecisionIn, RejectionIn } from '../../client';
import type { Application } from '../../lib/applications';
import { ApplicationQueue, type QueueItemsProps, type ReviewQueueKind } from './ApplicationQueue';
import { registrationQueue } from './queueKinds';

const application = (id: number, name: string): Application => ({
  id,
  status: 'pending',
  customer: { id, name, province: '广东省', city: '深圳市', status: 'pending', protection_until: null, last_report_at: null },
  agent: { id: 1, name: '华南代理' },
  applicant: { id: 2, display_name: '李明' },
  created_at: '2026-11-27T06:29:00Z',
  decided_by: null,
  decided_at: null,
  decision_reason: '',
});

function Items({ items, empty, onDecide }: QueueItemsProps<Application>) {
  return (
    <ul>
      {items.map((a) => (
        <li key={a.id}>
          <button onClick={() => onDecide(a, 'reject')}>reject {a.customer.name}</button>
        </li>
      ))}
      {items.length ? null : empty}
    </ul>
  );
}

function kindWith(reject: (id: number, rejection: RejectionIn) => Promise<Application>): ReviewQueueKind<Application, DecisionIn> {
  return {
    usePage: () => {
      throw new Error('the page is passed in');
    },
    Items,
    ApproveModal: () => null,
    approve: vi.fn(),
    reject,
    text: registrationQueue.text,
    rejectTestId: 'reject-modal',
  };
}

function renderQueue(kind: ReviewQueueKind<Application, DecisionIn>, items: Application[]) {
  const query = { data: { items, total: items.length }, isError: false, isPending: false, isFetching: false };
  const queue = { query: query as unknown as UseQueryResult<{ items: Application[]; total: number }>, page: 1, setPage: vi.fn() };
  render(
    <QueryClientProvider client={new QueryClient()}>
      <App>
        <ApplicationQueue kind={kind} queue={queue} />
      </App>
    </QueryClientProvider>,
  );
}

describe('the review queue of one kind of application', () => {
  it('rejects with the reason asked for, and says so', async () => {
    const reject = vi.fn(async () => application(7, '深圳市宏图电子有限公司'));
    renderQueue(kindWith(reject), [application(7, '深圳市宏图电子有限公司')]);
    await userEvent.click(screen.getByText('reject 深圳市宏图电子有限公司'));
    expect(await screen.findByText('驳回 深圳市宏图电子有限公司 的报备？')).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('驳回原因'), '重复报备');
    await userEvent.click(screen.getByTestId('reject-modal-ok'));
    await waitFor(() => expect(reject).toHaveBeenCalledWith(7, { reason: '重复报备' }));
    expect(await screen.findByText('已驳回 深圳市宏图电子有限公司')).toBeInTheDocument();
  });

  it('says when nothing waits', () => {
    renderQueue(kindWith(vi.fn()), []);
    expect(screen.getByText('没有待审批的报备')).toBeInTheDocument();
  });
});
