import dayjs from 'dayjs';
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
