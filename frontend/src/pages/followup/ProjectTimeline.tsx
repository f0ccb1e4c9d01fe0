// A project's history: every entry written about it, oldest first (stage, volume, milestone).
import { useQuery } from '@tanstack/react-query';
import { Drawer, Grid, Space, Timeline, Typography } from 'antd';
import { projectsReadProjectOptions } from '../../client/@tanstack/react-query.gen';
import { formatDate, formatNumber } from '../../lib/format';
import { LoadErrorAlert } from '../../components/LoadErrorAlert';
import { useI18n } from '../../locales/i18n';
import { StageTag } from './StageTag';

export function ProjectTimeline({ projectId, onClose }: { projectId: number | null; onClose: () => void }) {
  const { t, lang } = useI18n();
  const screens = Grid.useBreakpoint();
  const project = useQuery({ ...projectsReadProjectOptions({ path: { project_id: projectId ?? 0 } }), enabled: projectId !== null });
  const data = project.data;
  return (
    <Drawer
      open={projectId !== null}
      onClose={onClose}
      size={screens.sm ? 460 : '100%'}
      title={data ? t('followup.timeline.title', { name: data.name }) : t('followup.timeline.loading')}
      loading={project.isLoading}
      data-testid="project-timeline-drawer"
    >
      {project.isError ? <LoadErrorAlert error={project.error} onRetry={() => void project.refetch()} /> : null}
      {data ? (
        <>
          <Typography.Paragraph type="secondary">
            {t('followup.timeline.product', { product: data.product || '—' })}
          </Typography.Paragraph>
          <Timeline
            items={data.history.map((step) => ({
              key: `${step.report_id}`,
              content: (
                <div data-testid="timeline-step">
                  <Space wrap size={6}>
                    <Typography.Text strong>{formatDate(step.report_date)}</Typography.Text>
                    <StageTag stage={step.stage} />
                    <Typography.Text type="secondary">{step.written_by.display_name}</Typography.Text>
                  </Space>
                  <div>
                    {t('followup.timeline.line', {
                      volume: formatNumber(step.annual_volume, lang),
                      mcu: step.mcu_model?.part_number ?? '—',
                    })}
                  </div>
                  {step.milestone_date || step.milestone_text ? (
                    <div>{t('followup.timeline.milestone', { text: [step.milestone_date ?? '', step.milestone_text].join(' ').trim() })}</div>
                  ) : null}
                  {step.progress ? <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{step.progress}</Typography.Paragraph> : null}
                  {step.open_questions ? (
                    <Typography.Text type="secondary">{t('followup.timeline.questions', { text: step.open_questions })}</Typography.Text>
                  ) : null}
                </div>
              ),
            }))}
          />
        </>
      ) : null}
    </Drawer>
  );
}
