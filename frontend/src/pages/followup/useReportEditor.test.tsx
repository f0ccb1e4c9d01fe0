import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, renderHook, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProjectPublic } from '../../client';
import { draftKey, loadDraft } from './draft';
import { ReportEditor } from './ReportEditor';
import { useReportEditor } from './useReportEditor';

const PROJECT = {
  id: 7,
  name: '智能遥控器',
  product: '遥控器',
  stage: 'development',
  progress: '样机调试中',
  mcu_model: { id: 3, part_number: 'HT32F52' },
  product_domain: { id: 2, name: '消费电子' },
  annual_volume: 200000,
  milestone_date: null,
  milestone_text: '小批试产',
  open_questions: '',
} as unknown as ProjectPublic;

function wrapper({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={new QueryClient()}>{children}</QueryClientProvider>;
}

const setup = (writes = true) =>
  renderHook(() => useReportEditor({ customerId: 4, userId: 3, writes, onSaved: vi.fn() }), { wrapper });

describe('the report editor state', () => {
  beforeEach(() => localStorage.clear());

  it('imports a project with its current values, adds it and keeps the draft in localStorage', () => {
    const { result } = setup();
    act(() => result.current.startNew());
    act(() => result.current.setNews('客户扩产'));
    act(() => result.current.importProject(PROJECT));
    expect(result.current.entry).toMatchObject({ projectId: 7, stage: 'development', annualVolume: 200000, mcuModelId: 3 });
    act(() => result.current.addEntry({ ...result.current.entry, stage: 'small_batch' }));
    expect(result.current.draft.entries).toHaveLength(1);
    expect(result.current.dirty).toBe(true);
    expect(loadDraft(draftKey(4, 3))).toMatchObject({ customerNews: '客户扩产', entries: [{ projectId: 7, stage: 'small_batch' }] });
    // importing the same project again brings back its row, not a second copy
    act(() => result.current.importProject(PROJECT));
    expect(result.current.entry).toMatchObject({ key: result.current.draft.entries[0].key, stage: 'small_batch' });
  });

  it('reopens a stored draft after a reload, and throws it away on cancel', () => {
    const first = setup();
    act(() => first.result.current.startNew());
    act(() => first.result.current.setNews('断网前写的'));
    first.unmount();
    const { result } = setup();
    expect(result.current.mode).toBe('new');
    expect(result.current.draft.customerNews).toBe('断网前写的');
    act(() => result.current.cancel());
    expect(result.current.mode).toBe('view');
    expect(loadDraft(draftKey(4, 3))).toBeNull();
  });

  it('does not reopen a draft for someone who may not write (FAE)', () => {
    localStorage.setItem(draftKey(4, 3), JSON.stringify({ reportDate: null, customerNews: 'x', entries: [] }));
    const { result } = setup(false);
    expect(result.current.mode).toBe('view');
  });
});

describe('the report editor form', () => {
  it('shows the customer news read-only for an FAE editing a report', () => {
    const { result } = setup();
    act(() =>
      result.current.startEdit({
        id: 5,
        customer_id: 4,
        report_date: '2026-11-20',
        author: { id: 3, display_name: '李明' },
        customer_news: '客户扩产',
        entries: [],
        comments: [],
        version: 1,
        created_at: '',
        updated_at: '',
      }),
    );
    render(<ReportEditor editor={result.current} editsNews={false} />, { wrapper });
    expect(screen.getByTestId('report-news')).toHaveAttribute('readonly');
    expect(screen.getByTestId('report-submit')).toHaveTextContent('修改报告');
  });
});
