import { Button } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import type { CustomerPublic, ProductDomainBrief } from '../../client';
import { formatNumber } from '../../lib/format';
import { FollowupContactName, FollowupOverdueFlag } from '../../components/FollowupMarks';
import { DaysLeft, ProtectionCell } from '../../components/Protection';
import { CustomerStatusTag } from '../../components/StatusTags';
import { sortOrderOf } from '../../lib/tablePaging';
import type { Lang, Translate } from '../../locales/i18n';

export function customerColumns(
  t: Translate,
  lang: Lang,
  sort: string | undefined,
  options: {
    showAgent: boolean;
    domainName: (domain: ProductDomainBrief) => string;
    onOpen: (customer: CustomerPublic) => void;
    menu: (customer: CustomerPublic) => ReactNode;
  },
): ColumnsType<CustomerPublic> {
  const sortable = (key: string) => ({ key, sorter: true, sortOrder: sortOrderOf(sort, key) });
  const columns: ColumnsType<CustomerPublic> = [
    {
      title: t('customer.name'),
      dataIndex: 'name',
      ...sortable('name'),
      render: (name: string, customer) => (
        <Button
          type="link"
          size="small"
          style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left', color: 'inherit' }}
          onClick={() => options.onOpen(customer)}
          data-testid="customer-name"
        >
          {name}
        </Button>
      ),
    },
    {
      title: <span className="sr-only">{t('followup.overdue')}</span>,
      key: 'followup_overdue',
      width: 28,
      render: (_: unknown, c) => <FollowupOverdueFlag customer={c} />,
    },
    { title: t('customer.region'), key: 'region', render: (_: unknown, c) => `${c.province} ${c.city}` },
    { title: t('customer.domain'), key: 'domain', render: (_: unknown, c) => options.domainName(c.product_domain) },
    { title: t('common.status'), dataIndex: 'status', render: (_: unknown, c) => <CustomerStatusTag status={c.status} /> },
    { title: t('customer.contact'), key: 'contact', render: (_: unknown, c) => <FollowupContactName customer={c} /> },
  ];
  if (options.showAgent) {
    columns.push({ title: t('customer.agent'), key: 'agent', render: (_: unknown, c) => c.agent?.name ?? '—' });
  }
  columns.push(
    {
      title: t('customer.protectionUntil'),
      dataIndex: 'protection_until',
      ...sortable('protection_until'),
      render: (_: unknown, c) => <ProtectionCell customer={c} />,
    },
    { title: t('customer.daysLeft'), key: 'days_left', render: (_: unknown, c) => <DaysLeft customer={c} /> },
    {
      title: t('customer.usageShort'),
      dataIndex: 'annual_mcu_usage_wan',
      align: 'right',
      ...sortable('annual_mcu_usage_wan'),
      render: (v: number) => formatNumber(v, lang),
    },
    {
      title: <span className="sr-only">{t('common.actions')}</span>,
      key: 'menu',
      fixed: 'right',
      width: 48,
      render: (_: unknown, c) => options.menu(c),
    },
  );
  return columns;
}
