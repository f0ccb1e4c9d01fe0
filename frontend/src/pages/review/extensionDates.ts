// Dates of an extension decision: calendar days in Asia/Shanghai.
import type { Dayjs } from 'dayjs';
import type { ExtensionPublic } from '../../client';
import { shanghaiDay, shanghaiToday } from '../../lib/format';

/** The current end of protection: the customer's now, or the one at request time. */
export function currentEnd(extension: ExtensionPublic): string {
  return extension.customer.protection_until ?? extension.protection_until_at_request;
}

/** The suggested new end: the current end plus 3 months. */
export function suggestedEnd(extension: ExtensionPublic): Dayjs {
  return shanghaiDay(currentEnd(extension)).add(3, 'month');
}

/** A new end must be after the current end and after today. */
export function isTooEarly(day: Dayjs, extension: ExtensionPublic, today: Dayjs = shanghaiToday()): boolean {
  return !day.isAfter(shanghaiDay(currentEnd(extension)), 'day') || !day.isAfter(today, 'day');
}
