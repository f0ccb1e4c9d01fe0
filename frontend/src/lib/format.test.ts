import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { translate, type MessageKey, type Params } from '../locales/i18n';
import { daysLeftLabel } from './daysLeft';
import {
  dayRangeQuery,
  daysLeftOf,
  endOfShanghaiDay,
  formatDate,
  formatNumber,
  shanghaiDay,
  shanghaiToday,
  startOfShanghaiDay,
} from './format';

const zh = (key: MessageKey, params?: Params) => translate('zh-CN', key, params);
const en = (key: MessageKey, params?: Params) => translate('en-US', key, params);

describe('dates in Asia/Shanghai', () => {
  it('shows a time as its Shanghai calendar day', () => {
    expect(formatDate('2026-12-06T06:29:00Z')).toBe('2026-12-06');
    expect(formatDate('2026-12-06T16:30:00Z')).toBe('2026-12-07'); // 00:30 the next day in Shanghai
    expect(formatDate('2026-12-06')).toBe('2026-12-06'); // a plain date stays as it is
    expect(formatDate(null)).toBe('—');
  });

  it('turns a picked day into the end or start of that day in Shanghai', () => {
    expect(endOfShanghaiDay(dayjs('2027-03-06'))).toBe('2027-03-06T15:59:59.000Z');
    expect(startOfShanghaiDay(dayjs('2027-03-06'))).toBe('2027-03-05T16:00:00.000Z');
  });

  it('counts today as the Shanghai day, not the browser zone’s', () => {
    // 21:09 UTC is already 05:09 the next morning in Shanghai: orders entered now are tomorrow's
    expect(shanghaiToday(dayjs('2026-12-05T21:09:00Z')).format('YYYY-MM-DD')).toBe('2026-12-06');
    expect(shanghaiToday(dayjs('2026-12-05T15:59:00Z')).format('YYYY-MM-DD')).toBe('2026-12-05');
  });

  it('reads a picked day back as the same calendar day', () => {
    expect(shanghaiDay('2026-12-06T16:30:00Z').format('YYYY-MM-DD')).toBe('2026-12-07');
  });

  it('sends an inclusive day range as [start of first day, start of the day after the last)', () => {
    expect(dayRangeQuery([dayjs('2026-11-01'), dayjs('2026-11-30')])).toEqual({
      created_from: '2026-10-31T16:00:00.000Z',
      created_to: '2026-11-30T16:00:00.000Z',
    });
    expect(dayRangeQuery(null)).toEqual({});
  });
});

describe('days of protection left', () => {
  it('classifies the server’s days_left', () => {
    expect(daysLeftOf(null)).toEqual({ kind: 'none' });
    expect(daysLeftOf(-1)).toEqual({ kind: 'expired' });
    expect(daysLeftOf(0)).toEqual({ kind: 'today' });
    expect(daysLeftOf(8)).toEqual({ kind: 'left', days: 8 });
  });

  it('reads as words in both languages', () => {
    const period = (days_left: number | null) => ({ protection_mode: 'period' as const, days_left });
    expect(daysLeftLabel(zh, period(8))).toBe('8 天');
    expect(daysLeftLabel(en, period(8))).toBe('8 days');
    expect(daysLeftLabel(zh, period(0))).toBe('今天到期');
    expect(daysLeftLabel(zh, period(-2))).toBe('已到期');
    expect(daysLeftLabel(zh, period(null))).toBe('—');
  });

  it('shows no countdown for a customer under periodic review', () => {
    expect(daysLeftLabel(zh, { protection_mode: 'review', days_left: 200 })).toBe('—');
  });
});

describe('numbers', () => {
  it('are grouped with at most two decimals', () => {
    expect(formatNumber(12345.678, 'en-US')).toBe('12,345.68');
    expect(formatNumber(null, 'zh-CN')).toBe('—');
  });
});
