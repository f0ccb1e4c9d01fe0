import { Descriptions, Grid, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { CustomerPublic } from '../../client';
import { useDomainName } from '../../hooks/useCatalog';
import { formatDate, formatNumber, formatTime } from '../../lib/format';
import { DaysLeft, ProtectionCell } from '../../components/Protection';
import { CustomerStatusTag } from '../../components/StatusTags';
import { useI18n, type MessageKey } from '../../locales/i18n';

function orDash(value: ReactNode): ReactNode {
  return value === '' || value === null || value === undefined ? '—' : value;
}

function Multiline({ text }: { text: string }) {
  return text ? <span style={{ whiteSpace: 'pre-wrap' }}>{text}</span> : <>—</>;
}

/** Every field of a customer, read-only (SPEC §5). */
export function CustomerInfo({ customer }: { customer: CustomerPublic }) {
  const { t, lang } = useI18n();
  const screens = Grid.useBreakpoint();
  const domainName = useDomainName();
  const stageKey = customer.project_stage ? (`stage.${customer.project_stage}` as MessageKey) : null;
  const stage = stageKey ? t(stageKey) : null;
  const items: { key: string; label: string; children: ReactNode; span?: number }[] = [
    { key: 'status', label: t('common.status'), children: <CustomerStatusTag status={customer.status} /> },
    { key: 'region', label: t('customer.region'), children: `${customer.province} ${customer.city}` },
    { key: 'domain', label: t('customer.domain'), children: domainName(customer.product_domain) },
    {
      key: 'usage',
      label: t('customer.usage'),
      children: `${formatNumber(customer.annual_mcu_usage_wan, lang)} ${t('customer.wan')}`,
    },
    {
      key: 'mcus',
      label: t('customer.mcus'),
      span: 2,
      children: customer.mcus_in_use.length ? (
        <Space wrap size={[4, 4]}>
          {customer.mcus_in_use.map((m) => (
            <Tag key={m}>{m}</Tag>
          ))}
        </Space>
      ) : (
        '—'
      ),
    },
    { key: 'credit', label: t('customer.creditCode'), children: orDash(customer.credit_code) },
    { key: 'stage', label: t('customer.projectStage'), children: orDash(stage && stage !== stageKey ? stage : customer.project_stage) },
    { key: 'purchaser', label: t('customer.purchaser'), children: orDash(customer.purchaser) },
    { key: 'factory', label: t('customer.factory'), children: orDash(customer.factory) },
    { key: 'agent', label: t('customer.agent'), children: orDash(customer.agent?.name) },
    { key: 'contact', label: t('customer.contact'), children: orDash(customer.contact?.display_name) },
    {
      key: 'faes',
      label: t('customer.faes'),
      span: 2,
      children: customer.faes.length ? customer.faes.map((f) => f.display_name).join('、') : '—',
    },
    { key: 'protection', label: t('customer.protectionUntil'), children: <ProtectionCell customer={customer} /> },
    { key: 'days', label: t('customer.daysLeft'), children: <DaysLeft customer={customer} /> },
    { key: 'approved', label: t('customer.approvedAt'), children: formatTime(customer.approved_at) },
    { key: 'created', label: t('common.createdAt'), children: formatTime(customer.created_at) },
    { key: 'founded', label: t('customer.foundedOn'), children: formatDate(customer.founded_on) },
    { key: 'capital', label: t('customer.registeredCapital'), children: orDash(customer.registered_capital) },
    { key: 'events', label: t('customer.majorEvents'), span: 2, children: <Multiline text={customer.major_events} /> },
    { key: 'position', label: t('customer.industryPosition'), span: 2, children: <Multiline text={customer.industry_position} /> },
  ];
  return (
    <>
      <Descriptions
        bordered
        size="small"
        column={screens.sm === false ? 1 : 2}
        layout={screens.sm === false ? 'vertical' : 'horizontal'}
        items={items}
        data-testid="customer-info"
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
        {t('customer.updatedAt', { time: formatTime(customer.updated_at) })}
      </Typography.Paragraph>
    </>
  );
}
