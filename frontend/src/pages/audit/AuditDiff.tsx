import { Flex, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { AuditEntry } from '../../client';
import { useT } from '../../locales/i18n';
import { formatTime } from '../../lib/format';
import { diffRows, fieldParts, isInstant, leafKey, show, type ChangeKind, type DiffRow } from './diff';
import { fieldLabel, valueLabel } from './fieldLabel';

const KIND_COLOR: Record<ChangeKind, string | undefined> = { changed: 'orange', added: 'green', removed: 'red', same: undefined };

/** The before/after snapshots of one audit entry, one row per (nested) field: changed, added and
 * removed fields first and marked; unchanged ones can be hidden. */
export function AuditDiff({ entry }: { entry: AuditEntry }) {
  const t = useT();
  const rows = diffRows(entry.before, entry.after);
  const changes = rows.filter((row) => row.kind !== 'same');
  const [onlyChanges, setOnlyChanges] = useState(changes.length > 0 && !!entry.before);
  if (rows.length === 0) return <Typography.Text type="secondary">{t('audit.noSnapshot')}</Typography.Text>;
  const cell = (value: unknown, row: DiffRow, side: 'before' | 'after') => {
    if (value === undefined) return <Typography.Text type="secondary">—</Typography.Text>;
    const struck = row.kind === 'changed' && side === 'before';
    // An id is shown as the name it refers to, a code by its label, an instant in Beijing time.
    const key = leafKey(row.field);
    const named = entry.names?.[`${key}=${show(value)}`] ?? valueLabel(t, key, value);
    const text = named ?? (isInstant(value) ? formatTime(value, true) : show(value));
    return (
      <Typography.Text code delete={struck} type={row.kind === 'same' ? undefined : side === 'before' ? 'danger' : 'success'} style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
        {text}
      </Typography.Text>
    );
  };
  return (
    <div data-testid="audit-diff">
      <Flex gap={12} align="center" wrap style={{ marginBottom: 8 }}>
        <Typography.Text>{t('audit.diff.summary', { count: changes.length })}</Typography.Text>
        {entry.before ? (
          <label>
            <Switch size="small" checked={onlyChanges} onChange={setOnlyChanges} aria-label={t('audit.diff.onlyChanges')} />{' '}
            {t('audit.diff.onlyChanges')}
          </label>
        ) : null}
        {entry.reason ? <Typography.Text type="secondary">{t('audit.reason')}: {entry.reason}</Typography.Text> : null}
      </Flex>
      <Table<DiffRow>
        size="small"
        rowKey="field"
        pagination={false}
        dataSource={onlyChanges ? changes : rows}
        columns={[
          {
            title: t('audit.field'),
            dataIndex: 'field',
            width: 220,
            render: (v: string, row) => {
              const shown = fieldLabel(t, fieldParts(v));
              return row.kind !== 'same' ? <strong>{shown}</strong> : shown;
            },
          },
          {
            title: t('audit.diff.change'),
            dataIndex: 'kind',
            width: 90,
            render: (kind: ChangeKind) => (kind === 'same' ? null : <Tag color={KIND_COLOR[kind]}>{t(`audit.diff.${kind}`)}</Tag>),
          },
          { title: t('audit.before'), dataIndex: 'before', render: (v: unknown, row) => cell(v, row, 'before') },
          { title: t('audit.after'), dataIndex: 'after', render: (v: unknown, row) => cell(v, row, 'after') },
        ]}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('audit.requestId')}: {entry.request_id || '—'}
      </Typography.Text>
    </div>
  );
}
