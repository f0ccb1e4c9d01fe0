// Pane 1: the customer's reports, newest first, filtered by a date range.
import { CommentOutlined } from '@ant-design/icons';
import { Badge, DatePicker, Empty, List, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { ReportSummary } from '../../client';
import { formatDate } from '../../lib/format';
import { useT } from '../../locales/i18n';

export function ReportList({
  reports,
  loading,
  selectedId,
  onSelect,
  onOpen,
  range,
  onRange,
}: {
  reports: ReportSummary[];
  loading: boolean;
  selectedId: number | null;
  onSelect: (id: number) => void;
  /** Double click (the manual's edit flow): open the report for editing. */
  onOpen?: (id: number) => void;
  range: [Dayjs, Dayjs] | null;
  onRange: (range: [Dayjs, Dayjs] | null) => void;
}) {
  const t = useT();
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <DatePicker.RangePicker
        value={range}
        onChange={(next) => onRange(next && next[0] && next[1] ? [next[0], next[1]] : null)}
        allowClear
        style={{ width: '100%' }}
        aria-label={t('followup.range')}
        placeholder={[t('followup.rangeFrom'), t('followup.rangeTo')]}
        data-testid="report-range"
      />
      <List<ReportSummary>
        size="small"
        loading={loading}
        dataSource={reports}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('followup.noReports')} /> }}
        style={{ maxHeight: 360, overflowY: 'auto' }}
        data-testid="report-list"
        renderItem={(report) => {
          const selected = report.id === selectedId;
          return (
            <List.Item
              key={report.id}
              onClick={() => onSelect(report.id)}
              onDoubleClick={() => onOpen?.(report.id)}
              data-testid="report-item"
              data-report-id={report.id}
              data-selected={selected ? 'true' : 'false'}
              data-unread={report.unread_comments > 0 ? 'true' : 'false'}
              aria-current={selected ? 'true' : undefined}
              style={{
                cursor: 'pointer',
                paddingInline: 8,
                borderRadius: 6,
                background: selected ? '#e6f4ff' : undefined,
              }}
            >
              <div style={{ minWidth: 0, width: '100%' }}>
                <Space size={8} wrap style={{ justifyContent: 'space-between', width: '100%' }}>
                  <Typography.Text strong>{formatDate(report.report_date)}</Typography.Text>
                  <Typography.Text type="secondary">{report.author.display_name}</Typography.Text>
                  <Badge count={report.unread_comments} size="small" title={t('followup.unreadCount', { count: report.unread_comments })}>
                    <Typography.Text type="secondary">
                      <CommentOutlined /> {report.comment_count}
                    </Typography.Text>
                  </Badge>
                </Space>
                <Typography.Paragraph type="secondary" ellipsis={{ rows: 1 }} style={{ margin: 0, fontSize: 12 }}>
                  {report.customer_news}
                </Typography.Paragraph>
              </div>
            </List.Item>
          );
        }}
      />
    </Space>
  );
}
