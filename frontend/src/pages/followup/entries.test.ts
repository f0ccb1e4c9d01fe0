import { describe, expect, it } from 'vitest';
import type { ProjectPublic, ReportDetail } from '../../client';
import {
  blankEntry,
  draftFromReport,
  EMPTY_REPORT,
  entryFromProject,
  hasProject,
  isDirty,
  isPendingEntry,
  removeEntry,
  reportBody,
  upsertEntry,
} from './entries';

const PROJECT: ProjectPublic = {
  id: 7,
  customer_id: 1,
  name: '智能遥控器',
  product: '红外遥控器',
  stage: 'development',
  progress: '样机调试中',
  mcu_model: { id: 3, part_number: 'HT32F52' },
  product_domain: { id: 2, name: '消费电子' },
  annual_volume: 200000,
  milestone_date: '2026-12-20',
  milestone_text: '小批试产',
  open_questions: '低功耗模式电流？',
  last_report_date: '2026-11-20',
  created_at: '2026-10-01T00:00:00Z',
  updated_at: '2026-11-20T00:00:00Z',
};

const REPORT: ReportDetail = {
  id: 5,
  customer_id: 1,
  report_date: '2026-11-20',
  author: { id: 3, display_name: '李明' },
  customer_news: '客户扩产',
  entries: [
    {
      id: 11,
      project: { id: 7, name: '智能遥控器' },
      stage: 'development',
      progress: '样机调试中',
      mcu_model: null,
      product_domain: { id: 2, name: '消费电子' },
      annual_volume: 200000,
      milestone_date: null,
      milestone_text: '',
      open_questions: '',
      written_by_id: 3,
    },
  ],
  comments: [],
  version: 1,
  created_at: '2026-11-20T00:00:00Z',
  updated_at: '2026-11-20T00:00:00Z',
};

describe('the entry editor', () => {
  it('imports a project with its current values', () => {
    const entry = entryFromProject(PROJECT);
    expect(entry).toMatchObject({
      projectId: 7,
      projectName: '智能遥控器',
      stage: 'development',
      progress: '样机调试中',
      mcuModelId: 3,
      productDomainId: 2,
      annualVolume: 200000,
      milestoneDate: '2026-12-20',
      milestoneText: '小批试产',
      openQuestions: '低功耗模式电流？',
      saved: false,
    });
  });

  it('adds rows to the table and replaces a row edited again in place', () => {
    const first = entryFromProject(PROJECT);
    const second = { ...blankEntry(), projectName: '蓝牙网关', productDomainId: 2 };
    let rows = upsertEntry(upsertEntry([], first), second);
    expect(rows.map((r) => r.projectName)).toEqual(['智能遥控器', '蓝牙网关']);
    rows = upsertEntry(rows, { ...first, stage: 'small_batch', annualVolume: 300000 });
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ stage: 'small_batch', annualVolume: 300000 });
  });

  it('finds a project already in the table (existing by id, new by name)', () => {
    const rows = [entryFromProject(PROJECT), { ...blankEntry(), projectName: '蓝牙网关' }];
    expect(hasProject(rows, { key: 'x', projectId: 7, projectName: '' })).toBe(true);
    expect(hasProject(rows, { key: 'x', projectId: null, projectName: ' 蓝牙网关 ' })).toBe(true);
    expect(hasProject(rows, { key: rows[0].key, projectId: 7, projectName: '' })).toBe(false);
    expect(hasProject(rows, { key: 'x', projectId: 8, projectName: '' })).toBe(false);
  });

  it('removes new rows but never the saved entries of an edited report', () => {
    const draft = draftFromReport(REPORT);
    const added = { ...blankEntry(), projectName: '新项目' };
    const rows = [...draft.entries, added];
    expect(removeEntry(rows, added.key)).toHaveLength(1);
    expect(removeEntry(rows, draft.entries[0].key)).toHaveLength(2);
  });
});

describe('the request body', () => {
  it('builds POST with an imported project and a new project', () => {
    const imported = entryFromProject(PROJECT);
    const fresh = { ...blankEntry(), projectName: ' 蓝牙网关 ', product: '网关', productDomainId: 2, annualVolume: 1234 };
    const body = reportBody({ reportDate: null, customerNews: ' 客户扩产 ', entries: [imported, fresh] }, 'new');
    expect(body.customer_news).toBe('客户扩产');
    expect(body).not.toHaveProperty('report_date');
    expect(body.entries?.[0]).toMatchObject({ project_id: 7, stage: 'development', mcu_model_id: 3, annual_volume: 200000 });
    expect(body.entries?.[0]).not.toHaveProperty('new_project');
    expect(body.entries?.[1]).toMatchObject({ new_project: { name: '蓝牙网关', product: '网关' }, annual_volume: 1234 });
    expect(body.entries?.[1]).not.toHaveProperty('project_id');
  });

  it('builds PUT from an edited report with its entries and date', () => {
    const draft = draftFromReport(REPORT);
    const body = reportBody({ ...draft, entries: [{ ...draft.entries[0], stage: 'small_batch' }] }, 'edit');
    expect(body).toMatchObject({ report_date: '2026-11-20', customer_news: '客户扩产' });
    expect(body.entries).toEqual([expect.objectContaining({ project_id: 7, stage: 'small_batch' })]);
  });

  it('knows when the user changed something', () => {
    const draft = draftFromReport(REPORT);
    expect(isDirty(EMPTY_REPORT)).toBe(false);
    expect(isDirty({ ...EMPTY_REPORT, customerNews: 'x' })).toBe(true);
    expect(isDirty(draftFromReport(REPORT), draft)).toBe(false);
    expect(isDirty({ ...draft, customerNews: '变了' }, draft)).toBe(true);
  });
});

describe('an entry the form holds at submit', () => {
  it('is nothing to lose while it is the blank new entry', () => {
    expect(isPendingEntry(blankEntry(), null)).toBe(false);
  });

  it('is pending once anything is filled, or when it is an imported project', () => {
    expect(isPendingEntry({ ...blankEntry(), projectName: '智能门锁' }, null)).toBe(true);
    expect(isPendingEntry({ ...blankEntry(), openQuestions: '功耗？' }, null)).toBe(true);
    expect(isPendingEntry({ ...blankEntry(), stage: 'development' }, null)).toBe(true);
    expect(isPendingEntry(entryFromProject(PROJECT), null)).toBe(true);
  });

  it('is pending when a table row being edited again was changed, not when left as it is', () => {
    const row = entryFromProject(PROJECT);
    expect(isPendingEntry({ ...row }, row)).toBe(false);
    expect(isPendingEntry({ ...row, progress: '已量产' }, row)).toBe(true);
  });
});
