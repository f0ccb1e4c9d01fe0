import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ConflictCandidate } from '../../client';
import { NameCheckPanel } from './NameCheckPanel';

const pool: ConflictCandidate = {
  name: '成都市天府智控科技有限公司',
  score: 1,
  reason: '名称完全相同',
  status: 'released',
  status_text: '资源池客户，可从资源池申请',
  pool_customer_id: 13,
};
const fuzzy: ConflictCandidate = {
  name: '深圳市宏图智能科技有限公司',
  score: 0.897,
  reason: '核心字号相同，一方多出行业词',
  status: 'protected',
  status_text: '已报备，保护至 2027-02',
  pool_customer_id: null,
};

const panel = (props: Partial<Parameters<typeof NameCheckPanel>[0]>) =>
  render(<NameCheckPanel result={undefined} checking={false} error={null} tooShort={false} onApplyFromPool={vi.fn()} {...props} />);

describe('the name check panel', () => {
  it('shows a blocked name in red with the pool button for a pool candidate', async () => {
    const onApplyFromPool = vi.fn();
    panel({ result: { blocked: true, candidates: [pool], warnings: [] }, onApplyFromPool });
    expect(screen.getByTestId('check-blocked')).toHaveTextContent('不能重复报备');
    expect(screen.getByTestId('candidate-score')).toHaveTextContent('100%');
    await userEvent.click(screen.getByRole('button', { name: '从资源池申请' }));
    expect(onApplyFromPool).toHaveBeenCalledWith(pool);
  });

  it('shows fuzzy candidates as a warning with score, reason and state', () => {
    panel({ result: { blocked: false, candidates: [fuzzy], warnings: ['looks_like_short_name'] } });
    expect(screen.getByTestId('check-fuzzy')).toHaveTextContent('可提交，由原厂判断');
    const row = screen.getByTestId('candidate');
    expect(row).toHaveTextContent('深圳市宏图智能科技有限公司');
    expect(row).toHaveTextContent('90%');
    expect(row).toHaveTextContent('核心字号相同');
    expect(row).toHaveTextContent('已报备，保护至 2027-02');
    expect(screen.queryByRole('button', { name: '从资源池申请' })).toBeNull();
    expect(screen.getByTestId('name-hints')).toHaveTextContent('名称像是简称');
  });

  it('asks for more characters before checking', () => {
    panel({ tooShort: true });
    expect(screen.getByText(/至少 4 个字/)).toBeInTheDocument();
  });
});
