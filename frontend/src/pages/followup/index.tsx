// 客户跟进 (SPEC §7): the manual's three panes — report statistics (reports, projects of the
// selected report, all projects), report content (read / write / edit) and comments.
import { ArrowLeftOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Row, Space, Tag, Tooltip } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { followupRights } from '../../app/access';
import { useCurrentUser } from '../../app/auth';
import type { CustomerPublic, ProjectPublic } from '../../client';
import { reportsReadReportOptions } from '../../client/@tanstack/react-query.gen';
import { ErrorResult } from '../../components/ErrorResult';
import { ExportMenu } from '../../components/ExportMenu';
import { FullPageSpin } from '../../components/FullPageSpin';
import { LoadErrorAlert } from '../../components/LoadErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../locales/i18n';
import { CommentsPane } from './CommentsPane';
import { ProjectsPane } from './ProjectsPane';
import { ProjectTimeline } from './ProjectTimeline';
import { ReportEditor } from './ReportEditor';
import { ReportList } from './ReportList';
import { ReportView } from './ReportView';
import { RevisionsList } from './RevisionsList';
import { useCustomer, useFollowupData, useReport } from './useFollowup';
import { useReportEditor } from './useReportEditor';
import { useUnsavedGuard } from './useUnsavedGuard';

const CARD = { size: 'small' as const, style: { marginBottom: 12 } };

function Workspace({ customer }: { customer: CustomerPublic }) {
  const t = useT();
  const { me, access } = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const [timeline, setTimeline] = useState<number | null>(null);
  const rights = followupRights(access, me ?? { id: 0 }, customer);
  const { reports, projects, exportReports, exportProjects } = useFollowupData(customer.id, {
    from: range?.[0].format('YYYY-MM-DD'),
    to: range?.[1].format('YYYY-MM-DD'),
  });
  const items = reports.data?.items ?? [];
  const selectedId = Number(params.get('report')) || items[0]?.id || null;
  const select = (id: number) => setParams({ report: String(id) }, { replace: true });
  const report = useReport(selectedId);
  const editor = useReportEditor({ customerId: customer.id, userId: me?.id ?? 0, writes: rights.writes, onSaved: select });
  useUnsavedGuard(editor.dirty);
  const writing = editor.mode !== 'view';
  const current = report.data ?? null;
  const canEdit = rights.editsEntries && current !== null && !writing;
  const queryClient = useQueryClient();
  // The manual's edit flow: a double click on a report in pane 1 opens it for editing.
  const openForEdit = (id: number) => {
    select(id);
    if (!rights.editsEntries || writing) return;
    void queryClient.fetchQuery(reportsReadReportOptions({ path: { report_id: id } })).then(editor.startEdit);
  };
  // Pane 2 while writing: a click brings the project into the entry form (its row when present).
  const pickReportProject = (projectId: number) => {
    const row = editor.draft.entries.find((entry) => entry.projectId === projectId);
    const project = projects.data?.find((p) => p.id === projectId);
    if (writing && row) editor.editEntry(row);
    else if (writing && project) editor.importProject(project);
    else setTimeline(projectId);
  };
  const importAndShow = (project: ProjectPublic) => {
    editor.importProject(project);
    // on a phone the form is below the panes: bring it into view
    requestAnimationFrame(() => document.querySelector('[data-testid="entry-form"]')?.scrollIntoView({ block: 'nearest' }));
  };
  const paneTwo = writing
    ? editor.draft.entries.filter((entry) => entry.projectId !== null).map((entry) => ({ id: entry.projectId!, name: entry.projectName }))
    : (items.find((r) => r.id === selectedId)?.projects ?? []);

  return (
    <Row gutter={[12, 0]} data-testid="followup">
      <Col xs={24} lg={7}>
        <Card
          {...CARD}
          title={t('followup.pane.reports')}
          extra={<ExportMenu call={exportReports} name="reports" testId="reports-export" size="small" />}
        >
          <ReportList
            reports={items}
            loading={reports.isFetching}
            selectedId={selectedId}
            onSelect={select}
            onOpen={openForEdit}
            range={range}
            onRange={setRange}
          />
        </Card>
        <Card {...CARD} title={t('followup.pane.reportProjects')}>
          <Space wrap size={[6, 6]} data-testid="report-projects">
            {paneTwo.map((project) => (
              <Tag key={project.id} style={{ cursor: 'pointer' }} onClick={() => pickReportProject(project.id)} color="blue">
                {project.name}
              </Tag>
            ))}
          </Space>
        </Card>
        <Card
          {...CARD}
          title={t('followup.pane.projects')}
          extra={<ExportMenu call={exportProjects} name="projects" testId="projects-export" size="small" />}
        >
          <ProjectsPane
            projects={projects.data ?? []}
            loading={projects.isFetching}
            onImport={writing ? importAndShow : null}
            onTimeline={setTimeline}
          />
        </Card>
      </Col>
      <Col xs={24} lg={11}>
        <Card
          {...CARD}
          title={t('followup.pane.content')}
          extra={
            rights.writes && !writing ? (
              <Button type="primary" size="small" icon={<PlusOutlined />} onClick={editor.startNew} data-testid="report-new">
                {t('followup.newReport')}
              </Button>
            ) : null
          }
        >
          {writing ? (
            <ReportEditor editor={editor} editsNews={editor.mode === 'new' || rights.editsNews} />
          ) : current ? (
            <ReportView report={current} onEdit={canEdit ? () => editor.startEdit(current) : null} onTimeline={setTimeline} />
          ) : report.isError ? (
            <LoadErrorAlert error={report.error} onRetry={() => void report.refetch()} />
          ) : (
            <Empty description={customer.status === 'protected' ? t('followup.pickReport') : t('followup.notProtected')} />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={6}>
        <Card {...CARD} title={t('followup.pane.comments')}>
          <CommentsPane report={writing ? null : current} canComment={rights.comments} />
        </Card>
        {rights.seesRevisions && current && !writing ? (
          <Card {...CARD} title={t('followup.pane.revisions')}>
            <RevisionsList
              reportId={current.id}
              projectName={(id) => projects.data?.find((p) => p.id === id)?.name ?? `#${id}`}
            />
          </Card>
        ) : null}
      </Col>
      <ProjectTimeline projectId={timeline} onClose={() => setTimeline(null)} />
    </Row>
  );
}

/** /customers/:id/followup */
export default function FollowupPage() {
  const t = useT();
  const navigate = useNavigate();
  const id = Number(useParams().id) || 0;
  const customer = useCustomer(id);
  if (customer.isPending) return <FullPageSpin />;
  if (customer.isError) return <ErrorResult error={customer.error} onRetry={() => void customer.refetch()} />;
  const data = customer.data;
  return (
    <>
      <PageHeader
        title={<span data-testid="followup-title">{t('followup.titleOf', { name: data.name })}</span>}
        subtitle={
          data.followup_overdue ? (
            <Tooltip title={t('followup.overdueHint')}>
              <Tag color="warning">{t('followup.overdue')}</Tag>
            </Tooltip>
          ) : null
        }
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/')}>
            {t('common.backHome')}
          </Button>
        }
      />
      <Workspace key={data.id} customer={data} />
    </>
  );
}
