import { Table, Typography } from 'antd';
import type { AuditEntry } from '../../client';
import { useT } from '../../locales/i18n';
import { diffRows, show, type DiffRow } from './diff';

/** The before/after snapshots of one audit entry, field by field; changed fields first. */
export function AuditDiff({ entry }: { entry: AuditEntry }) {
  const t = useT();
  const rows = diffRows(entry.before, entry.after).sort((x, y) => Number(y.changed) - Number(x.changed));
  if (rows.length === 0) return <Typography.Text type="secondary">{t('audit.noSnapshot')}</Typography.Text>;
  const cell = (value: unknown, changed: boolean, type?: 'danger' | 'success') => (
    <Typography.Text code={value !== undefined} type={changed ? type : undefined} style={{ wordBreak: 'break-all' }}>
      {show(value)}
    </Typography.Text>
  );
  return (
    <div data-testid="audit-diff">
      <Table<DiffRow>
        size="small"
        rowKey="field"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: t('audit.field'), dataIndex: 'field', width: 180, render: (v: string, row) => (row.changed ? <strong>{v}</strong> : v) },
          { title: t('audit.before'), dataIndex: 'before', render: (v: unknown, row) => cell(v, row.changed, 'danger') },
          { title: t('audit.after'), dataIndex: 'after', render: (v: unknown, row) => cell(v, row.changed, 'success') },
        ]}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('audit.requestId')}: {entry.request_id || '—'}
      </Typography.Text>
    </div>
  );
}
