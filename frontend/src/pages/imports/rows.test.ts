import { describe, expect, it } from 'vitest';
import { translate } from '../../locales/i18n';
import { canCommit, progressPercent, reasonText } from './rows';

const zh = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
  translate('zh-CN', key, params);
const en = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
  translate('en-US', key, params);

describe('legacy import rows', () => {
  it('says which column is wrong and the value found', () => {
    const reason = { field: 'city', code: 'unknown_region', value: '杭州市' };
    expect(reasonText(zh, reason)).toBe('城市“杭州市”不在行政区划表中');
    expect(reasonText(en, reason)).toBe('City “杭州市” is not in the division list');
  });

  it('names the unmatched salesperson, never a guess', () => {
    expect(reasonText(zh, { field: 'contact', code: 'contact_not_found', value: '李雷' })).toBe(
      '该代理商没有名为“李雷”的在职业务员',
    );
  });

  it('shows an unknown reason code as is rather than hiding it', () => {
    expect(reasonText(en, { field: 'name', code: 'something_new', value: '' })).toBe('Customer name: something_new');
  });

  it('keeps the bar below 100 until the commit has written', () => {
    expect(progressPercent({ status: 'checking', progress: 50, row_count: 200 })).toBe(25);
    expect(progressPercent({ status: 'committing', progress: 200, row_count: 200 })).toBe(99);
    expect(progressPercent({ status: 'committed', progress: 200, row_count: 200 })).toBe(100);
  });

  it('offers the commit only after a dry run with rows to create', () => {
    expect(canCommit({ status: 'checked', ready_count: 3 })).toBe(true);
    expect(canCommit({ status: 'failed', ready_count: 3 })).toBe(true);
    expect(canCommit({ status: 'checked', ready_count: 0 })).toBe(false);
    expect(canCommit({ status: 'checking', ready_count: 3 })).toBe(false);
    expect(canCommit({ status: 'committed', ready_count: 3 })).toBe(false);
  });
});
