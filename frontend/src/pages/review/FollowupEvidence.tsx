import { Space, Tag, Typography } from 'antd';
import type { FollowupEvidence as Evidence } from '../../client';
import { formatDate } from '../../lib/format';
import { useT } from '../../locales/i18n';

/** What the vendor weighs for an extension (SPEC §7): how often the customer got a report, and when last. */
export function FollowupEvidence({ evidence }: { evidence: Evidence | null | undefined }) {
  const t = useT();
  if (!evidence) return <>—</>;
  return (
    <Space orientation="vertical" size={0} data-testid="extension-evidence">
      <Typography.Text>{t('review.evidenceReports', { count: evidence.reports_last_90_days })}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {evidence.last_report_at ? t('review.evidenceLast', { date: formatDate(evidence.last_report_at) }) : t('review.evidenceNone')}
      </Typography.Text>
      {evidence.followup_overdue ? <Tag color="warning">{t('followup.overdue')}</Tag> : null}
    </Space>
  );
}
