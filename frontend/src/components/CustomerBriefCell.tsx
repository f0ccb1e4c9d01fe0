import { Space, Typography } from 'antd';
import type { CustomerBrief } from '../client';

/** A customer inside an application row: its name, and its region (plus what else helps). */
export function CustomerBriefCell({ customer, extra }: { customer: CustomerBrief; extra?: string }) {
  return (
    <Space orientation="vertical" size={0}>
      <Typography.Text strong>{customer.name}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {customer.province} {customer.city}
        {extra ? ` · ${extra}` : ''}
      </Typography.Text>
    </Space>
  );
}
