// How a customer's protection reads (SPEC §6): end date or periodic review, days left, near expiry.
import { WarningFilled } from '@ant-design/icons';
import { Space, Tag, Typography } from 'antd';
import type { CustomerPublic } from '../client';
import { useT } from '../locales/i18n';
import { daysLeftLabel } from '../lib/daysLeft';
import { formatDate } from '../lib/format';

/** Days of protection left; near expiry gets a warning mark and words (not colour alone). */
export function DaysLeft({ customer }: { customer: CustomerPublic }) {
  const t = useT();
  const text = daysLeftLabel(t, customer);
  if (!customer.near_expiry) return <span>{text}</span>;
  return (
    <Space size={4} className="near-expiry-mark">
      <WarningFilled aria-hidden />
      <span>{text}</span>
      <span className="sr-only">{t('home.nearExpiry')}</span>
    </Space>
  );
}

/** Protection end, or the periodic review of a mass-production (量产) customer. */
export function ProtectionCell({ customer }: { customer: CustomerPublic }) {
  const t = useT();
  if (customer.protection_mode === 'review' && customer.status === 'protected') {
    return (
      <Space size={4} wrap>
        <Tag color="gold">{t('customer.reviewMode')}</Tag>
        <Typography.Text type="secondary">{t('customer.nextReview', { date: formatDate(customer.next_review_at) })}</Typography.Text>
      </Space>
    );
  }
  return <span>{formatDate(customer.protection_until)}</span>;
}
