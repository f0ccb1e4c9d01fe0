// Earlier versions of the selected report (vendor and master account): what it said before each edit.
import { useQuery } from '@tanstack/react-query';
import { Collapse, Empty, Typography } from 'antd';
import { reportsListRevisionsOptions } from '../../client/@tanstack/react-query.gen';
import type { EntryIn, ReportIn } from '../../client';
import { formatNumber, formatTime } from '../../lib/format';
import { useI18n } from '../../locales/i18n';

// A revision's content is the report as it was, which the API types as a plain object.
type RevisionEntry = Partial<Pick<EntryIn, 'project_id' | 'stage' | 'annual_volume' | 'progress'>>;
type RevisionContent = Partial<Pick<ReportIn, 'report_date' | 'customer_news'> & { entries: RevisionEntry[] }>;

export function RevisionsList({ reportId, projectName }: { reportId: number; projectName: (id: number) => string }) {
  const { t, lang } = useI18n();
  const revisions = useQuery(reportsListRevisionsOptions({ path: { report_id: reportId } }));
  const items = revisions.data ?? [];
  if (!revisions.isLoading && items.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('followup.revision.none')} />;
  }
  return (
    <Collapse
      size="small"
      data-testid="revisions"
      items={items.map((revision) => {
        const content = revision.content as RevisionContent;
        return {
          key: revision.version,
          label: t('followup.revision.line', {
            version: revision.version,
            name: revision.edited_by.display_name,
            time: formatTime(revision.edited_at),
          }),
          children: (
            <div>
              <Typography.Text type="secondary">{content.report_date ?? ''}</Typography.Text>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{content.customer_news ?? ''}</Typography.Paragraph>
              <ul style={{ paddingInlineStart: 18, margin: 0 }}>
                {(content.entries ?? []).map((entry, index) => (
                  <li key={index}>
                    {[
                      entry.project_id ? projectName(entry.project_id) : '',
                      entry.stage ? t(`followup.stage.${entry.stage}`) : '',
                      entry.annual_volume !== undefined ? formatNumber(entry.annual_volume, lang) : '',
                      entry.progress,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </li>
                ))}
              </ul>
            </div>
          ),
        };
      })}
    />
  );
}
