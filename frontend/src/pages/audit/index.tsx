import { Empty, Input, Select, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { AuditEntry } from '../../client';
import { auditListAuditOptions } from '../../client/@tanstack/react-query.gen';
import { formatTime } from '../../components/format';
import { ContentCard } from '../../components/ContentCard';
import { LoadErrorAlert } from '../../components/LoadErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { TableToolbar } from '../../components/TableToolbar';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { serverPagination, useTableState } from '../../components/useTableState';
import { useT, type MessageKey, type Translate } from '../../locales/i18n';
import { AuditDiff } from './AuditDiff';

// Object types and actions the server records today (the services in api/).
const OBJECT_TYPES = ['user_account', 'agent'] as const;
const ACTIONS = [
  'auth.login',
  'auth.logout',
  'auth.refresh',
  'auth.change_password',
  'auth.set_password',
  'user.create',
  'user.update',
  'user.update_profile',
  'user.deactivate',
  'user.reactivate',
  'user.reset_password',
  'agent.create',
  'agent.update',
  'agent.deactivate',
  'agent.reactivate',
] as const;

function label(t: Translate, prefix: 'audit.action.' | 'audit.object.', value: string): string {
  const key = `${prefix}${value}` as MessageKey;
  const text = t(key);
  return text === key ? value : text;
}

/** 审计日志 (vendor): who changed what and when, newest first. */
export default function AuditPage() {
  const t = useT();
  const table = useTableState();
  const [objectType, setObjectType] = useState<string | undefined>();
  const [action, setAction] = useState<string | undefined>();
  const [objectId, setObjectId] = useState('');
  const debouncedObjectId = useDebouncedValue(objectId.trim());
  const { resetPage } = table;
  useEffect(() => resetPage(), [objectType, action, debouncedObjectId, resetPage]);

  const query = useQuery({
    ...auditListAuditOptions({
      query: {
        limit: table.query.limit,
        offset: table.query.offset,
        object_type: objectType,
        action,
        object_id: debouncedObjectId || undefined,
      },
    }),
    placeholderData: keepPreviousData,
    meta: { silent: true },
  });

  const columns: ColumnsType<AuditEntry> = [
    { title: t('audit.at'), dataIndex: 'at', width: 180, render: (v: string) => formatTime(v, true) },
    { title: t('audit.actor'), dataIndex: 'actor_username', render: (v: string) => v || t('audit.system') },
    { title: t('audit.action'), dataIndex: 'action', render: (v: string) => <Tag>{label(t, 'audit.action.', v)}</Tag> },
    {
      title: t('audit.object'),
      key: 'object',
      render: (_: unknown, entry) => `${label(t, 'audit.object.', entry.object_type)} #${entry.object_id}`,
    },
  ];

  return (
    <>
      <PageHeader title={t('nav.audit')} subtitle={t('audit.subtitle')} />
      <ContentCard>
        <TableToolbar>
          <Select<string>
            allowClear
            placeholder={t('audit.filterObject')}
            aria-label={t('audit.filterObject')}
            style={{ width: 150 }}
            value={objectType}
            onChange={setObjectType}
            options={OBJECT_TYPES.map((value) => ({ value, label: label(t, 'audit.object.', value) }))}
          />
          <Input
            allowClear
            placeholder={t('audit.filterObjectId')}
            aria-label={t('audit.filterObjectId')}
            style={{ width: 130 }}
            value={objectId}
            onChange={(e) => setObjectId(e.target.value)}
          />
          <Select<string>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('audit.filterAction')}
            aria-label={t('audit.filterAction')}
            style={{ width: 200 }}
            value={action}
            onChange={setAction}
            options={ACTIONS.map((value) => ({ value, label: label(t, 'audit.action.', value) }))}
          />
        </TableToolbar>
        {query.isError ? <LoadErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
        <Table<AuditEntry>
          rowKey="id"
          columns={columns}
          dataSource={query.data?.items ?? []}
          loading={query.isFetching}
          onChange={table.onChange}
          scroll={{ x: 'max-content' }}
          size="middle"
          expandable={{ expandedRowRender: (entry) => <AuditDiff entry={entry} />, rowExpandable: (entry) => !!(entry.before || entry.after) }}
          locale={{
            emptyText: query.isPending ? ' ' : (
              <Empty description={objectType || action || debouncedObjectId ? t('common.noMatch') : t('audit.empty')} />
            ),
          }}
          pagination={serverPagination(t, table.state, query.data?.total)}
        />
      </ContentCard>
    </>
  );
}
