import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { importsListImports, type ImportPublic } from '../../client';
import { ContentCard } from '../../components/ContentCard';
import { ExportMenu } from '../../components/ExportMenu';
import { formatTime } from '../../lib/format';
import { LoadErrorAlert } from '../../components/LoadErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../locales/i18n';
import { ImportDetail } from './ImportDetail';
import { IMPORT_COLORS } from './rows';
import { UploadPanel } from './UploadPanel';
import { downloadTemplate, useImportActions, useImportHistory, useImportJob } from './useImports';

/** 旧数据导入 (vendor): legacy customers from a spreadsheet — dry run first, then commit. */
export default function ImportsPage() {
  const t = useT();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const selected = Number(params.get('id')) || null;
  const select = (id: number) => setParams({ id: String(id) });
  const [page, setPage] = useState({ page: 1, pageSize: 10 });
  const history = useImportHistory({ limit: page.pageSize, offset: (page.page - 1) * page.pageSize });
  const job = useImportJob(selected);
  const { upload, commit } = useImportActions(select);

  const columns: ColumnsType<ImportPublic> = [
    { key: 'id', title: '#', dataIndex: 'id', width: 64 },
    { key: 'file', title: t('imports.history.file'), render: (_, job) => job.filename || '—' },
    { key: 'agent', title: t('imports.history.agent'), render: (_, job) => job.agent.name },
    { key: 'rows', title: t('imports.history.rows'), dataIndex: 'row_count' },
    {
      key: 'status',
      title: t('imports.rows.status'),
      render: (_, job) => <Tag color={IMPORT_COLORS[job.status]}>{t(`imports.status.${job.status}`)}</Tag>,
    },
    { key: 'by', title: t('imports.history.by'), render: (_, job) => job.created_by.display_name },
    { key: 'created', title: t('common.createdAt'), render: (_, job) => formatTime(job.created_at) },
    {
      key: 'open',
      title: t('common.actions'),
      render: (_, job) => (
        <Button type="link" size="small" onClick={() => select(job.id)} disabled={job.id === selected}>
          {t('imports.history.open')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('imports.nav')}
        subtitle={t('imports.subtitle')}
        extra={
          <>
            <Button icon={<DownloadOutlined />} onClick={() => void downloadTemplate()} data-testid="import-template">
              {t('imports.template')}
            </Button>
            <ExportMenu
              call={(format) => importsListImports({ query: { format }, parseAs: 'blob', throwOnError: true })}
              name="imports"
              testId="imports-export"
            />
          </>
        }
      />
      <Flex vertical gap={16}>
        <ContentCard>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t('imports.upload.title')}
          </Typography.Title>
          <UploadPanel
            uploading={upload.isPending}
            onUpload={(agentId, file) =>
              upload.mutate({ body: file, query: { agent_id: agentId, filename: file.name } })
            }
          />
        </ContentCard>
        {selected !== null ? (
          <ContentCard>
            {job.isError ? <LoadErrorAlert error={job.error} onRetry={() => void job.refetch()} /> : null}
            {job.data ? (
              <ImportDetail
                key={job.data.id}
                job={job.data}
                committing={commit.isPending}
                onCommit={() =>
                  commit
                    .mutateAsync({ path: { import_id: job.data.id } })
                    .then(() => void message.success(t('imports.commit.started')))
                }
              />
            ) : null}
          </ContentCard>
        ) : null}
        <ContentCard>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t('imports.history')}
          </Typography.Title>
          {history.isError ? <LoadErrorAlert error={history.error} onRetry={() => void history.refetch()} /> : null}
          <Table<ImportPublic>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={history.data?.items ?? []}
            loading={history.isFetching && !history.data}
            scroll={{ x: 'max-content' }}
            data-testid="imports-table"
            pagination={{
              current: page.page,
              pageSize: page.pageSize,
              total: history.data?.total ?? 0,
              onChange: (current, pageSize) => setPage({ page: current, pageSize }),
            }}
            locale={{ emptyText: history.isPending ? ' ' : <Empty description={t('imports.history.empty')} /> }}
          />
        </ContentCard>
      </Flex>
    </>
  );
}
