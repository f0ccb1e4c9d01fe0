import dayjs, { type Dayjs } from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Times are stored in UTC and shown in Asia/Shanghai (STYLE.md). */
export const DISPLAY_TIME_ZONE = 'Asia/Shanghai';

export function formatTime(value: string | null | undefined, withSeconds = false): string {
  if (!value) return '—';
  const time = dayjs(value);
  if (!time.isValid()) return value;
  return time.tz(DISPLAY_TIME_ZONE).format(withSeconds ? 'YYYY-MM-DD HH:mm:ss' : 'YYYY-MM-DD HH:mm');
}

/** A date (or a time, as its calendar day in Asia/Shanghai) as YYYY-MM-DD. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value; // already a calendar date (founded_on)
  const time = dayjs(value);
  if (!time.isValid()) return value;
  return time.tz(DISPLAY_TIME_ZONE).format('YYYY-MM-DD');
}

/** Today in Shanghai as a local dayjs: the day the API calls today, whatever this browser's zone. */
export function shanghaiToday(now: Dayjs = dayjs()): Dayjs {
  return dayjs(now.tz(DISPLAY_TIME_ZONE).format('YYYY-MM-DD'));
}

/** The Shanghai calendar day of `value` as a local dayjs (what a DatePicker shows). */
export function shanghaiDay(value: string): Dayjs {
  return dayjs(formatDate(value));
}

/** A picked calendar day as the last second of that day in Shanghai (an end of protection). */
export function endOfShanghaiDay(day: Dayjs): string {
  return dayjs.tz(`${day.format('YYYY-MM-DD')} 23:59:59`, DISPLAY_TIME_ZONE).toISOString();
}

/** A picked calendar day as its first moment in Shanghai (a "from" filter). */
export function startOfShanghaiDay(day: Dayjs): string {
  return dayjs.tz(`${day.format('YYYY-MM-DD')} 00:00:00`, DISPLAY_TIME_ZONE).toISOString();
}

/** An inclusive [from, to] day range as the API's created_from / created_to (exclusive end). */
export function dayRangeQuery(range: [Dayjs, Dayjs] | null | undefined): { created_from?: string; created_to?: string } {
  if (!range) return {};
  return { created_from: startOfShanghaiDay(range[0]), created_to: startOfShanghaiDay(range[1].add(1, 'day')) };
}

export type DaysLeft =
  | { kind: 'none' }
  | { kind: 'expired' }
  | { kind: 'today' }
  | { kind: 'left'; days: number };

/** How the days of protection left read: none (no period), expired, due today, or n days. */
export function daysLeftOf(days: number | null | undefined): DaysLeft {
  if (days === null || days === undefined) return { kind: 'none' };
  if (days < 0) return { kind: 'expired' };
  if (days === 0) return { kind: 'today' };
  return { kind: 'left', days };
}

/** Numbers as people read them: grouped, at most two decimals. */
export function formatNumber(value: number | null | undefined, lang: string): string {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }).format(value);
}
