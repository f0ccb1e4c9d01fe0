// The header's unread-comments counter: how many vendor comments on follow-up reports the caller
// has not read yet, listing the reports and linking to them.
import { BellOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Dropdown } from 'antd';
import { useNavigate } from 'react-router';
import { commentsUnreadCommentsOptions } from '../client/@tanstack/react-query.gen';
import { useT } from '../locales/i18n';

export function FollowupUnreadBadge() {
  const t = useT();
  const navigate = useNavigate();
  const unread = useQuery({ ...commentsUnreadCommentsOptions(), refetchInterval: 60_000, meta: { silent: true } });
  const total = unread.data?.total ?? 0;
  const reports = unread.data?.reports ?? [];
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: reports.length
          ? reports.map((report) => ({
              key: String(report.report_id),
              label: t('followup.unread.item', { name: report.customer_name, count: report.unread }),
              'data-testid': 'unread-report',
            }))
          : [{ key: 'none', label: t('followup.unread.none'), disabled: true }],
        onClick: ({ key }) => {
          const report = reports.find((r) => String(r.report_id) === key);
          if (report) navigate(`/customers/${report.customer_id}/followup?report=${report.report_id}`);
        },
      }}
    >
      <Button type="text" aria-label={t('followup.unread.button', { count: total })} data-testid="unread-comments" data-count={total}>
        <Badge count={total} size="small" offset={[4, -2]}>
          <BellOutlined style={{ fontSize: 16 }} />
        </Badge>
      </Button>
    </Dropdown>
  );
}
