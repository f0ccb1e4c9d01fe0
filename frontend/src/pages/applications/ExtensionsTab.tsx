import type { ColumnsType } from 'antd/es/table';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ExtensionPublic } from '../../client';
import { extensionsListExtensionsOptions } from '../../client/@tanstack/react-query.gen';
import { CustomerBriefCell } from '../../components/CustomerBriefCell';
import { formatDate, formatTime } from '../../lib/format';
import { QueryTable } from '../../components/QueryTable';
import { ApplicationStatusTag } from '../../components/StatusTags';
import { useT } from '../../locales/i18n';
import { ApplicationToolbar } from './ApplicationToolbar';
import { Decision } from './Decision';
import { useApplicationFilters } from './useApplicationFilters';

/** Extension applications the caller may see, newest first. */
export function ExtensionsTab() {
  const t = useT();
  const { table, filters, setFilters, query: params, filtered } = useApplicationFilters();
  const query = useQuery({
    ...extensionsListExtensionsOptions({ query: params }),
    placeholderData: keepPreviousData,
    meta: { silent: true },
  });
  const columns: ColumnsType<ExtensionPublic> = [
    {
      title: t('customer.name'),
      key: 'customer',
      render: (_: unknown, e) => <CustomerBriefCell customer={e.customer} />,
    },
    { title: t('common.status'), dataIndex: 'status', render: (_: unknown, e) => <ApplicationStatusTag status={e.status} /> },
    { title: t('applications.applicant'), key: 'applicant', render: (_: unknown, e) => e.applicant.display_name },
    { title: t('applications.endAtRequest'), dataIndex: 'protection_until_at_request', render: (v: string) => formatDate(v) },
    { title: t('extension.requestedUntil'), dataIndex: 'requested_until', render: (v: string | null) => formatDate(v) },
    {
      title: t('extension.reason'),
      dataIndex: 'reason',
      render: (v: string) => <div style={{ minWidth: 160, maxWidth: 300, whiteSpace: 'pre-wrap' }}>{v}</div>,
    },
    { title: t('applications.createdAt'), dataIndex: 'created_at', render: (v: string) => formatTime(v) },
    {
      title: t('applications.decision'),
      key: 'decision',
      render: (_: unknown, e) => (
        <Decision
          by={e.decided_by}
          at={e.decided_at}
          reason={e.decision_reason}
          extra={e.decided_until ? t('applications.extendedTo', { date: formatDate(e.decided_until) }) : undefined}
        />
      ),
    },
  ];
  return (
    <>
      <ApplicationToolbar filters={filters} setFilters={setFilters} />
      <QueryTable<ExtensionPublic>
        query={query}
        table={table}
        columns={columns}
        empty={filtered ? t('common.noMatch') : t('applications.emptyExtensions')}
        data-testid="extensions-table"
      />
    </>
  );
}
