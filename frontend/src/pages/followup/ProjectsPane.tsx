// Pane 3: every project of the customer with its current state; import one into the editor
// (the manual's double-click in area 5) or open its timeline.
import { HistoryOutlined, ImportOutlined } from '@ant-design/icons';
import { Button, Empty, List, Space, Tooltip, Typography } from 'antd';
import type { ProjectPublic } from '../../client';
import { formatDate, formatNumber } from '../../lib/format';
import { useI18n } from '../../locales/i18n';
import { StageTag } from './StageTag';

export function ProjectsPane({
  projects,
  loading,
  onImport,
  onTimeline,
}: {
  projects: ProjectPublic[];
  loading: boolean;
  /** Null when there is no editor open to import into. */
  onImport: ((project: ProjectPublic) => void) | null;
  onTimeline: (projectId: number) => void;
}) {
  const { t, lang } = useI18n();
  return (
    <List<ProjectPublic>
      size="small"
      loading={loading}
      dataSource={projects}
      data-testid="project-list"
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('followup.noProjects')} /> }}
      renderItem={(project) => (
        <List.Item
          key={project.id}
          data-testid="project-item"
          onDoubleClick={() => onImport?.(project)}
        >
          <div style={{ minWidth: 0 }}>
            <Space size={6} wrap>
              <Typography.Text strong>{project.name}</Typography.Text>
              <StageTag stage={project.stage} />
            </Space>
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {t('followup.projectLine', {
                volume: formatNumber(project.annual_volume, lang),
                mcu: project.mcu_model?.part_number ?? '—',
                date: formatDate(project.last_report_date),
              })}
            </Typography.Text>
            <Space size={0} wrap>
              {onImport ? (
                <Tooltip title={t('followup.importHint')}>
                  <Button
                    size="small"
                    type="link"
                    icon={<ImportOutlined />}
                    onClick={() => onImport(project)}
                    data-testid="project-import"
                    aria-label={t('followup.importProject', { name: project.name })}
                  >
                    {t('followup.import')}
                  </Button>
                </Tooltip>
              ) : null}
              <Button
                size="small"
                type="link"
                icon={<HistoryOutlined />}
                onClick={() => onTimeline(project.id)}
                data-testid="project-timeline"
              >
                {t('followup.timeline.open')}
              </Button>
            </Space>
          </div>
        </List.Item>
      )}
    />
  );
}
