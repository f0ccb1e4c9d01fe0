import type { CustomerPublic } from '../client';
import type { Translate } from '../locales/i18n';
import { daysLeftOf } from './format';

type Protection = Pick<CustomerPublic, 'protection_mode' | 'days_left'>;

/** "8 天" / "今天到期" / "已到期" / "—" (no period: pending, released, or under review). */
export function daysLeftLabel(t: Translate, customer: Protection): string {
  const left = daysLeftOf(customer.protection_mode === 'period' ? customer.days_left : null);
  switch (left.kind) {
    case 'left':
      return t('home.daysLeft', { days: left.days });
    case 'today':
      return t('home.dueToday');
    case 'expired':
      return t('home.expired');
    default:
      return '—';
  }
}
