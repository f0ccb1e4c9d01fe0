import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router';
import { deskListNewReports, ProjectStage, type DeskEntry, type NewReport } from '../../client';
import { deskListNewReportsOptions, deskMarkDeskSeenMutation } from '../../client/@tanstack/react-query.gen';
import { ExportMenu } from '../../components/ExportMenu';
import { FilterSelect } from '../../components/FilterSelect';
import { LoadErrorAlert } from '../../components/LoadErrorAlert';
import { ProductDomainSelect } from '../../components/ProductDomainField';
import { TableToolbar } from '../../components/TableToolbar';
import { useAgentChoices } from '../../hooks/useChoices';
import { useDomainName } from '../../hooks/useCatalog';
import { useTableState } from '../../hooks/useTableState';
import { stageChange } from '../../lib/desk';
import { enumOptions } from '../../lib/enums';
import { formatDate, formatTime } from '../../lib/format';
import { invalidateOperations } from '../../lib/queries';
import { serverPagination } from '../../lib/tablePaging';
import { useT } from '../../locales/i18n';

interface Filters {
  agent_id?: number;
  product_domain_id?: number;
  stage?: ProjectStage;
  stage_changed?: boolean;
}

function StageMove({ entry }: { entry: DeskEntry }) {
  const t = useT();
  const change = stageChange(entry);
  const label = (stage: ProjectStage) => t(`followup.stage.${stage}`);
  if (change.kind === 'same') return <Tag>{label(change.stage)}</Tag>;
  const text =
    change.kind === 'entered'
      ? t('desk.stageEntered', { stage: label(change.stage) })
      : t('desk.stageFrom', { from: label(change.from), to: label(change.to) });
  return <Tag color="blue">{text}</Tag>;
}

function Entries({ report }: { report: NewReport }) {
  const t = useT();
  const domainName = useDomainName();
  if (!report.entries.length) return <Typography.Text type="secondary">{t('desk.report.noEntries')}</Typography.Text>;
  return (
    <Flex vertical gap={6} style={{ minWidth: 280, maxWidth: 480 }}>
      {report.entries.map((entry) => (
        <div key={entry.id} data-testid="desk-entry">
          <Space wrap size={[6, 0]}>
            <Typography.Text strong>{entry.project.name}</Typography.Text>
            <StageMove entry={entry} />
            <Typography.Text type="secondary">{domainName(entry.product_domain)}</Typography.Text>
          </Space>
          {entry.open_questions.trim() ? (
            <Typography.Paragraph type="warning" style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
              {t('desk.report.question', { text: entry.open_questions })}
            </Typography.Paragraph>
          ) : null}
        </div>
      ))}
    </Flex>
  );
}

/** Reports written since the person last looked, newest first, filtered by agent, domain and stage change. */
export function NewReports({ onOpenCustomer, seenAt }: { onOpenCustomer: (id: number) => void; seenAt: string | null | undefined }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const table = useTableState();
  const [filters, setFilters] = useState<Filters>({});
  const agents = useAgentChoices(true);
  const query = useQuery({
    ...deskListNewReportsOptions({ query: { ...table.query, ...filters } }),
    placeholderData: keepPreviousData,
    meta: { silent: true },
  });
  const seen = useMutation({
    ...deskMarkDeskSeenMutation(),
    onSuccess: () => {
      void invalidateOperations(queryClient, 'deskReadDesk', 'deskListNewReports');
      void message.success(t('desk.seenDone'));
    },
  });
  const filter = (change: Filters) => {
    setFilters((prev) => ({ ...prev, ...change }));
    table.resetPage();
  };

  const columns: ColumnsType<NewReport> = [
    {
      title: t('desk.report.customer'),
      key: 'customer',
      render: (_: unknown, r) => (
        <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => onOpenCustomer(r.customer.id)}>
          {r.customer.name}
        </Button>
      ),
    },
    { title: t('desk.report.agent'), key: 'agent', render: (_: unknown, r) => r.agent.name },
    { title: t('desk.report.author'), key: 'author', render: (_: unknown, r) => r.author.display_name },
    { title: t('desk.report.date'), dataIndex: 'report_date', render: (v: string) => formatDate(v) },
    { title: t('desk.report.entries'), key: 'entries', render: (_: unknown, r) => <Entries report={r} /> },
    { title: t('desk.report.submitted'), dataIndex: 'created_at', render: (v: string) => formatTime(v) },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, r) => (
        <Link to={`/customers/${r.customer.id}/followup?report=${r.id}`} data-testid="desk-open-report">
          {t('desk.report.open')}
        </Link>
      ),
    },
  ];

  return (
    <>
      <TableToolbar>
        <FilterSelect<number>
          label={t('desk.filter.agent')}
          width={180}
          options={agents.data}
          value={filters.agent_id}
          onChange={(agent_id) => filter({ agent_id })}
        />
        <ProductDomainSelect
          allowClear
          placeholder={t('desk.filter.domain')}
          style={{ width: 200 }}
          value={filters.product_domain_id}
          onChange={(product_domain_id) => filter({ product_domain_id })}
        />
        <FilterSelect<ProjectStage>
          label={t('desk.filter.stage')}
          width={140}
          options={enumOptions(ProjectStage, (stage) => t(`followup.stage.${stage}`))}
          value={filters.stage}
          onChange={(stage) => filter({ stage })}
        />
        <FilterSelect<string>
          label={t('desk.filter.stageChanged')}
          width={160}
          options={[
            { value: 'changed', label: t('desk.filter.changedOnly') },
            { value: 'unchanged', label: t('desk.filter.unchangedOnly') },
          ]}
          value={filters.stage_changed === undefined ? undefined : filters.stage_changed ? 'changed' : 'unchanged'}
          onChange={(value) => filter({ stage_changed: value === undefined ? undefined : value === 'changed' })}
        />
        <Button onClick={() => seen.mutate({})} loading={seen.isPending} data-testid="desk-mark-seen">
          {t('desk.seen')}
        </Button>
        <ExportMenu
          call={(format) => deskListNewReports({ query: { ...filters, format }, parseAs: 'blob', throwOnError: true })}
          name="new-reports"
          testId="new-reports-export"
        />
      </TableToolbar>
      <Typography.Paragraph type="secondary">
        {seenAt ? t('desk.seenAt', { time: formatTime(seenAt) }) : t('desk.neverSeen')}
      </Typography.Paragraph>
      {query.isError ? <LoadErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      <Table<NewReport>
        rowKey="id"
        columns={columns}
        dataSource={query.data?.items ?? []}
        loading={query.isFetching}
        scroll={{ x: 'max-content' }}
        size="middle"
        data-testid="desk-reports"
        locale={{ emptyText: query.isPending ? ' ' : t('desk.noReports') }}
        pagination={serverPagination(t, table.state, query.data?.total)}
        onChange={table.onChange}
      />
    </>
  );
}
