// The home list's follow-up marks (SPEC §7): the overdue flag, and the contact's name in green
// while the caller has unread comments on the customer's reports (the manual's rule).
import { ClockCircleOutlined } from '@ant-design/icons';
import { Tooltip } from 'antd';
import type { CustomerPublic } from '../client';
import { useT } from '../locales/i18n';

export const UNREAD_GREEN = '#389e0d';

export function FollowupOverdueFlag({ customer }: { customer: Pick<CustomerPublic, 'followup_overdue'> }) {
  const t = useT();
  if (!customer.followup_overdue) return null;
  return (
    <Tooltip title={t('followup.overdueHint')}>
      <ClockCircleOutlined
        role="img"
        aria-label={t('followup.overdue')}
        data-testid="followup-overdue"
        style={{ color: '#d48806', marginInlineStart: 6 }}
      />
    </Tooltip>
  );
}

export function FollowupContactName({ customer }: { customer: Pick<CustomerPublic, 'contact' | 'unread_comments'> }) {
  const t = useT();
  const name = customer.contact?.display_name ?? '—';
  const unread = customer.unread_comments > 0;
  const text = (
    <span
      className={unread ? 'contact-name contact-unread' : 'contact-name'}
      data-testid="contact-name"
      data-unread={unread ? 'true' : 'false'}
      style={unread ? { color: UNREAD_GREEN, fontWeight: 600 } : undefined}
    >
      {name}
    </span>
  );
  return unread ? <Tooltip title={t('followup.unreadContact', { count: customer.unread_comments })}>{text}</Tooltip> : text;
}
