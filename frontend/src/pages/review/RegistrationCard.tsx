import { Button, Card, Col, Descriptions, Flex, Row, Space, Tag, Typography } from 'antd';
import type { RegistrationPublic } from '../../client';
import { CandidateList } from '../../components/CandidateList';
import { toCandidates } from '../../lib/candidates';
import { formatTime } from '../../lib/format';
import { KindTag } from '../../components/StatusTags';
import { useT } from '../../locales/i18n';

/** The candidates found when a new customer was registered (a pool application has none). */
function Conflicts({ registration }: { registration: RegistrationPublic }) {
  const t = useT();
  if (registration.kind === 'pool') {
    return <Typography.Paragraph type="secondary">{t('review.poolApplication')}</Typography.Paragraph>;
  }
  const conflicts = toCandidates(registration.conflicts);
  return (
    <>
      <Typography.Text type="secondary">{t('review.conflicts', { count: conflicts.length })}</Typography.Text>
      {conflicts.length ? (
        <CandidateList candidates={conflicts} testId="conflict-candidates" />
      ) : (
        <Typography.Paragraph type="success" style={{ marginTop: 8 }}>
          {t('review.noConflicts')}
        </Typography.Paragraph>
      )}
    </>
  );
}

/** One pending registration beside the conflict candidates found when it was made. */
export function RegistrationCard({
  registration,
  onApprove,
  onReject,
  onOpenCustomer,
}: {
  /** From the desk, with the days it has waited (先报先得). */
  registration: RegistrationPublic & { age_days?: number };
  onApprove: () => void;
  onReject: () => void;
  onOpenCustomer: () => void;
}) {
  const t = useT();
  const { customer } = registration;
  return (
    <Card
      size="small"
      data-testid="registration-card"
      title={
        <Space wrap size={[8, 0]}>
          <Typography.Text strong data-testid="registration-name">
            {customer.name}
          </Typography.Text>
          <KindTag kind={registration.kind} />
        </Space>
      }
      extra={
        <Space size={8}>
          {registration.age_days !== undefined ? (
            <Tag data-testid="registration-age">{t('desk.waitingDays', { days: registration.age_days })}</Tag>
          ) : null}
          <Typography.Text type="secondary">{formatTime(registration.created_at)}</Typography.Text>
        </Space>
      }
    >
      <Row gutter={[24, 16]}>
        <Col xs={24} md={11}>
          <Typography.Text type="secondary">{t('review.application')}</Typography.Text>
          <Descriptions
            size="small"
            column={1}
            style={{ marginTop: 8 }}
            items={[
              { key: 'region', label: t('customer.region'), children: `${customer.province} ${customer.city}` },
              { key: 'agent', label: t('customer.agent'), children: registration.agent.name },
              { key: 'applicant', label: t('applications.applicant'), children: registration.applicant.display_name },
              { key: 'note', label: t('register.note'), children: registration.note || '—' },
            ]}
          />
          <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={onOpenCustomer}>
            {t('review.openCustomer')}
          </Button>
        </Col>
        <Col xs={24} md={13} data-testid="registration-conflicts">
          <Conflicts registration={registration} />
        </Col>
      </Row>
      <Flex gap={8} justify="flex-end" wrap style={{ marginTop: 12 }}>
        <Button danger onClick={onReject} data-testid="registration-reject">
          {t('review.reject')}
        </Button>
        <Button type="primary" onClick={onApprove} data-testid="registration-approve">
          {t('review.approve')}
        </Button>
      </Flex>
    </Card>
  );
}
