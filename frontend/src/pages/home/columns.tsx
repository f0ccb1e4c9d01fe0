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
    /** A phone: name, status and days left only, no sideways scrolling (issue 12 §5). */
    compact: boolean;
    domainName: (domain: ProductDomainBrief) => string;
    onOpen: (customer: CustomerPublic) => void;
    menu: (customer: CustomerPublic) => ReactNode;
  },
): ColumnsType<CustomerPublic> {
  const sortable = (key: string) => ({ key, sorter: true, sortOrder: sortOrderOf(sort, key) });
  const nameCell = (text: string, customer: CustomerPublic) => (
    <Button
      type="link"
      size="small"
      style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left', color: 'inherit' }}
      onClick={() => options.onOpen(customer)}
      data-testid="customer-name"
    >
      {text}
    </Button>
  );
  const name: ColumnsType<CustomerPublic>[number] = { title: t('customer.name'), dataIndex: 'name', ...sortable('name'), render: nameCell };
  const status: ColumnsType<CustomerPublic>[number] = {
    title: t('common.status'),
    dataIndex: 'status',
    render: (_: unknown, c) => <CustomerStatusTag status={c.status} />,
  };
  const daysLeft: ColumnsType<CustomerPublic>[number] = {
    title: t('customer.daysLeft'),
    key: 'days_left',
    render: (_: unknown, c) => <DaysLeft customer={c} />,
  };
  const menu: ColumnsType<CustomerPublic>[number] = {
    title: <span className="sr-only">{t('common.actions')}</span>,
    key: 'menu',
    width: 40,
    render: (_: unknown, c) => options.menu(c),
  };
  if (options.compact) {
    // The follow-up flag rides on the name; region, domain, contact and dates are in the details.
    const render = (text: string, c: CustomerPublic) => (
      <>
        {nameCell(text, c)}
        <FollowupOverdueFlag customer={c} />
      </>
    );
    const nowrap = () => ({ style: { whiteSpace: 'nowrap' as const } });
    return [{ ...name, render }, { ...status, onCell: nowrap }, { ...daysLeft, onCell: nowrap }, menu];
  }
  const columns: ColumnsType<CustomerPublic> = [
    name,
    {
      title: <span className="sr-only">{t('followup.overdue')}</span>,
      key: 'followup_overdue',
      width: 28,
      render: (_: unknown, c) => <FollowupOverdueFlag customer={c} />,
    },
    { title: t('customer.region'), key: 'region', render: (_: unknown, c) => `${c.province} ${c.city}` },
    { title: t('customer.domain'), key: 'domain', render: (_: unknown, c) => options.domainName(c.product_domain) },
    status,
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
    daysLeft,
    {
      title: t('customer.usageShort'),
      dataIndex: 'annual_mcu_usage_wan',
      align: 'right',
      ...sortable('annual_mcu_usage_wan'),
      render: (v: number) => formatNumber(v, lang),
    },
    { ...menu, fixed: 'right', width: 48 },
  );
  return columns;
}
