// The report content pane while reading: news and the entries as written.
import { EditOutlined } from '@ant-design/icons';
import { Button, Descriptions, Empty, Space, Typography } from 'antd';
import type { ReportDetail } from '../../client';
import { formatDate, formatNumber, formatTime } from '../../lib/format';
import { useI18n } from '../../locales/i18n';
import { StageTag } from './StageTag';

export function ReportView({
  report,
  onEdit,
  onTimeline,
}: {
  report: ReportDetail;
  onEdit: (() => void) | null;
  onTimeline: (projectId: number) => void;
}) {
  const { t, lang } = useI18n();
  return (
    <div data-testid="report-view" data-report-id={report.id}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('followup.reportOf', { date: formatDate(report.report_date), name: report.author.display_name })}
        </Typography.Title>
        {onEdit ? (
          <Button icon={<EditOutlined />} onClick={onEdit} data-testid="report-edit">
            {t('followup.edit')}
          </Button>
        ) : null}
      </Space>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('followup.versionLine', { version: report.version, time: formatTime(report.updated_at) })}
      </Typography.Text>
      <Typography.Title level={5} style={{ fontSize: 14 }}>
        {t('followup.news')}
      </Typography.Title>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="report-news-text">
        {report.customer_news}
      </Typography.Paragraph>
      <Typography.Title level={5} style={{ fontSize: 14 }}>
        {t('followup.entries')}
      </Typography.Title>
      {report.entries.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('followup.entry.none')} /> : null}
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {report.entries.map((entry) => (
          <Descriptions
            key={entry.id}
            size="small"
            bordered
            column={1}
            data-testid="report-entry"
            title={
              <Space wrap>
                <Button type="link" style={{ padding: 0 }} onClick={() => onTimeline(entry.project.id)}>
                  {entry.project.name}
                </Button>
                <StageTag stage={entry.stage} />
              </Space>
            }
            items={[
              { key: 'progress', label: t('followup.entry.progress'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{entry.progress || '—'}</span> },
              { key: 'mcu', label: t('followup.entry.mcu'), children: entry.mcu_model?.part_number ?? '—' },
              { key: 'domain', label: t('followup.entry.domain'), children: entry.product_domain.name },
              { key: 'volume', label: t('followup.entry.volume'), children: formatNumber(entry.annual_volume, lang) },
              {
                key: 'milestone',
                label: t('followup.entry.milestone'),
                children: [formatDate(entry.milestone_date), entry.milestone_text].filter((v) => v && v !== '—').join(' ') || '—',
              },
              { key: 'questions', label: t('followup.entry.questions'), children: entry.open_questions || '—' },
            ]}
          />
        ))}
      </Space>
    </div>
  );
}
