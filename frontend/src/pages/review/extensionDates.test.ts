import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { ExtensionPublic } from '../../client';
import { currentEnd, isTooEarly, suggestedEnd } from './extensionDates';

const extension = (patch: Partial<ExtensionPublic> = {}): ExtensionPublic => ({
  id: 1,
  status: 'pending',
  agent: { id: 1, name: '华南代理' },
  customer: {
    id: 3,
    name: '惠州市星辰电池科技有限公司',
    province: '广东省',
    city: '惠州市',
    status: 'protected',
    protection_until: '2026-12-02T06:29:00Z',
    last_report_at: null,
  },
  applicant: { id: 3, display_name: '李明' },
  reason: '客户BMS项目即将进入研发阶段',
  requested_until: null,
  protection_until_at_request: '2026-12-01T06:29:00Z',
  decided_by: null,
  decided_at: null,
  decided_until: null,
  decision_reason: '',
  created_at: '2026-11-27T06:29:00Z',
  ...patch,
});

describe('extension approval dates', () => {
  it('starts from the customer’s current end of protection', () => {
    expect(currentEnd(extension())).toBe('2026-12-02T06:29:00Z');
    const noCurrent = extension({ customer: { ...extension().customer, protection_until: null } });
    expect(currentEnd(noCurrent)).toBe('2026-12-01T06:29:00Z');
  });

  it('suggests the current end plus 3 months', () => {
    expect(suggestedEnd(extension()).format('YYYY-MM-DD')).toBe('2027-03-02');
  });

  it('allows only days after the current end and after today', () => {
    const today = dayjs('2026-11-27');
    expect(isTooEarly(dayjs('2026-12-02'), extension(), today)).toBe(true);
    expect(isTooEarly(dayjs('2026-12-03'), extension(), today)).toBe(false);
    expect(isTooEarly(dayjs('2026-12-03'), extension(), dayjs('2026-12-05'))).toBe(true);
  });
});
