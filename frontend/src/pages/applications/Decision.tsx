import { Space, Typography } from 'antd';
import type { UserBrief } from '../../client';
import { formatTime } from '../../lib/format';

/** Who decided, when, and why ("—" while pending). */
export function Decision({
  by,
  at,
  reason,
  extra,
}: {
  by: UserBrief | null;
  at: string | null;
  reason: string;
  extra?: string;
}) {
  if (!by && !at) return <>—</>;
  return (
    <Space orientation="vertical" size={0} style={{ maxWidth: 320 }}>
      <Typography.Text>
        {by?.display_name ?? '—'} · {formatTime(at)}
      </Typography.Text>
      {extra ? <Typography.Text>{extra}</Typography.Text> : null}
      {reason ? (
        <Typography.Text type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
          {reason}
        </Typography.Text>
      ) : null}
    </Space>
  );
}
