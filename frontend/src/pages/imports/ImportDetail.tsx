import { Alert, App, Button, Empty, Flex, Progress, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { importsListImportRows, type ImportPublic, type ImportRowPublic, type RowStatus } from '../../client';
import { CandidateList } from '../../components/CandidateList';
import { ExportMenu } from '../../components/ExportMenu';
import { LoadErrorAlert } from '../../components/LoadErrorAlert';
import { useT } from '../../locales/i18n';
import { IMPORT_COLORS, ROW_COLORS, RUNNING, canCommit, progressPercent, reasonText } from './rows';
import { useImportRows } from './useImports';

/** Every row, or the rows in one state (none waits once the first pass has run). */
type Filter = 'all' | Exclude<RowStatus, 'pending'>;

/** One import: the progress of its pass, what each row will do (or did), and the commit. */
export function ImportDetail({
  job,
  committing,
  onCommit,
}: {
  job: ImportPublic;
  committing: boolean;
  onCommit: () => Promise<unknown>;
}) {
  const t = useT();
  const { modal } = App.useApp();
  const [filter, setFilter] = useState<Filter>('all');
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const running = RUNNING.has(job.status);
  const rows = useImportRows(
    job.id,
    filter === 'all' ? undefined : [filter],
    { limit: page.pageSize, offset: (page.page - 1) * page.pageSize },
    running,
  );

  const confirmCommit = () =>
    modal.confirm({
      title: t('imports.commit.title'),
      content: t('imports.commit.text', {
        ready: job.ready_count,
        conflict: job.conflict_count,
        invalid: job.invalid_count,
        agent: job.agent.name,
      }),
      okText: t('imports.commit.ok'),
      cancelText: t('common.cancel'),
      onOk: onCommit,
    });

  const counts: Record<Filter, number> = {
    all: job.row_count,
    ready: job.ready_count,
    conflict: job.conflict_count,
    invalid: job.invalid_count,
    created: job.created_count,
  };
  const filters: Filter[] =
    job.status === 'committed' ? ['all', 'created', 'conflict', 'invalid'] : ['all', 'ready', 'conflict', 'invalid'];

  const columns: ColumnsType<ImportRowPublic> = [
    { key: 'row', title: t('imports.rows.row'), dataIndex: 'row_number', width: 72 },
    { key: 'name', title: t('imports.rows.name'), render: (_, row) => row.values.name || '—' },
    {
      key: 'region',
      title: t('imports.rows.region'),
      render: (_, row) => [row.values.province, row.values.city].filter(Boolean).join(' ') || '—',
    },
    { key: 'contact', title: t('imports.rows.contact'), render: (_, row) => row.values.contact || '—' },
    {
      key: 'status',
      title: t('imports.rows.status'),
      render: (_, row) => (
        <Tag color={ROW_COLORS[row.status]} data-testid="import-row-status" data-status={row.status}>
          {t(`imports.row.${row.status}`)}
        </Tag>
      ),
    },
    {
      key: 'why',
      title: t('imports.rows.why'),
      render: (_, row) => (
        <Space orientation="vertical" size={4} style={{ minWidth: 240 }}>
          {row.reasons.map((reason, index) => (
            <Typography.Text key={index} type="danger" data-testid="import-row-reason">
              {reasonText(t, reason)}
            </Typography.Text>
          ))}
          {row.candidates.length > 0 ? (
            <>
              {row.status !== 'conflict' ? (
                <Typography.Text type="secondary">{t('imports.rows.similar')}</Typography.Text>
              ) : null}
              <CandidateList candidates={row.candidates.slice(0, 3)} testId="import-row-candidates" />
            </>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <Flex vertical gap={16} data-testid="import-detail">
      <Flex justify="space-between" align="center" gap={12} wrap>
        <Space wrap>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('imports.detail.title', { id: job.id, file: job.filename || '—' })}
          </Typography.Title>
          <Tag color={IMPORT_COLORS[job.status]} data-testid="import-status" data-status={job.status}>
            {t(`imports.status.${job.status}`)}
          </Tag>
          <Typography.Text type="secondary">{t('imports.detail.agent', { name: job.agent.name })}</Typography.Text>
        </Space>
        {canCommit(job) ? (
          <Button type="primary" loading={committing} onClick={confirmCommit} data-testid="import-commit">
            {t('imports.commit')}
          </Button>
        ) : null}
      </Flex>
      {running ? (
        <div>
          <Progress percent={progressPercent(job)} status="active" data-testid="import-progress" />
          <Typography.Text type="secondary">
            {t(`imports.progress.${job.status as 'checking' | 'committing'}`, {
              done: job.progress,
              total: job.row_count,
            })}
          </Typography.Text>
        </div>
      ) : null}
      {job.status === 'checked' ? (
        <Alert
          type={job.ready_count > 0 ? 'info' : 'warning'}
          showIcon
          title={t('imports.detail.dryRunDone')}
          description={job.ready_count > 0 ? undefined : t('imports.commit.nothing')}
        />
      ) : null}
      {job.status === 'failed' ? (
        <Alert type="error" showIcon title={t('imports.detail.failed')} description={job.error || undefined} />
      ) : null}
      {job.status === 'committed' ? (
        <Alert
          type="success"
          showIcon
          data-testid="import-summary"
          title={t('imports.detail.committed', {
            created: job.created_count,
            conflict: job.conflict_count,
            invalid: job.invalid_count,
          })}
        />
      ) : null}
      <Flex gap={8} wrap>
        <Segmented<Filter>
          value={filter}
          onChange={(value) => {
            setFilter(value);
            setPage((prev) => ({ ...prev, page: 1 }));
          }}
          options={filters.map((key) => ({
            value: key,
            label: `${t(`imports.summary.${key}`)} ${running && key !== 'all' ? '…' : counts[key]}`,
          }))}
          data-testid="import-filter"
        />
        <ExportMenu
          call={(format) =>
            importsListImportRows({
              path: { import_id: job.id },
              query: { status: filter === 'all' ? undefined : [filter], format },
              parseAs: 'blob',
              throwOnError: true,
            })
          }
          name="import-rows"
          testId="import-rows-export"
          disabled={running}
        />
      </Flex>
      {rows.isError ? <LoadErrorAlert error={rows.error} onRetry={() => void rows.refetch()} /> : null}
      <Table<ImportRowPublic>
        rowKey="row_number"
        size="small"
        columns={columns}
        dataSource={rows.data?.items ?? []}
        loading={rows.isFetching && !rows.data}
        scroll={{ x: 'max-content' }}
        data-testid="import-rows"
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: rows.data?.total ?? 0,
          showSizeChanger: true,
          onChange: (current, pageSize) => setPage({ page: current, pageSize }),
        }}
        locale={{ emptyText: rows.isPending ? ' ' : <Empty description={t('imports.rows.empty')} /> }}
      />
    </Flex>
  );
}
