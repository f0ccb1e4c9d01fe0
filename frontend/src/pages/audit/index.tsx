import { Button, DatePicker, Input, Select, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { auditListAudit, type AuditEntry } from '../../client';
import { auditAuditFacetsOptions, auditListAuditOptions } from '../../client/@tanstack/react-query.gen';
import { useAgentChoices } from '../../hooks/useChoices';
import { formatTime, shanghaiToday } from '../../lib/format';
import { ContentCard } from '../../components/ContentCard';
import { ExportMenu } from '../../components/ExportMenu';
import { QueryTable } from '../../components/QueryTable';
import { PageHeader } from '../../components/PageHeader';
import { TableToolbar } from '../../components/TableToolbar';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { useTableState } from '../../hooks/useTableState';
import { useT, type MessageKey, type Translate } from '../../locales/i18n';
import { ActorPicker } from './ActorPicker';
import { AuditDiff } from './AuditDiff';
import { EMPTY_FILTERS, auditQuery, isFiltered, type AuditFilters } from './filters';

function label(t: Translate, prefix: 'audit.action.' | 'audit.object.', value: string): string {
  const key = `${prefix}${value}` as MessageKey;
  const text = t(key);
  return text === key ? value : text;
}

/** 审计日志 (vendor): who changed what and when, newest first; filters, diff, .xlsx / CSV. */
export default function AuditPage() {
  const t = useT();
  const table = useTableState();
  const [filters, setFilters] = useState<AuditFilters>(EMPTY_FILTERS);
  const set = (patch: Partial<AuditFilters>) => setFilters((current) => ({ ...current, ...patch }));
  const debouncedObjectId = useDebouncedValue(filters.objectId);
  const effective = { ...filters, objectId: debouncedObjectId };
  const query = auditQuery(effective);
  const { resetPage } = table;
  const queryKey = JSON.stringify(query);
  useEffect(() => resetPage(), [queryKey, resetPage]);

  const facets = useQuery({ ...auditAuditFacetsOptions(), staleTime: 60_000 });
  const agents = useAgentChoices(true);
  const list = useQuery({
    ...auditListAuditOptions({ query: { limit: table.query.limit, offset: table.query.offset, ...query } }),
    placeholderData: keepPreviousData,
    meta: { silent: true },
  });

  const columns: ColumnsType<AuditEntry> = [
    { title: t('audit.at'), dataIndex: 'at', width: 180, render: (v: string) => formatTime(v, true) },
    {
      title: t('audit.actor'),
      key: 'actor',
      render: (_: unknown, entry) =>
        entry.actor_id === null ? t('audit.system') : <span title={entry.actor_username}>{entry.actor_name || entry.actor_username}</span>,
    },
    { title: t('audit.action'), dataIndex: 'action', render: (v: string) => <Tag>{label(t, 'audit.action.', v)}</Tag> },
    {
      title: t('audit.object'),
      key: 'object',
      render: (_: unknown, entry) => (
        <span data-testid="audit-object">
          {label(t, 'audit.object.', entry.object_type)}
          {entry.object_name ? <Typography.Text strong>{` ${entry.object_name}`}</Typography.Text> : null}
        </span>
      ),
    },
    { title: t('audit.reason'), dataIndex: 'reason', ellipsis: true, render: (v: string) => v || '—' },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.audit')}
        subtitle={t('audit.subtitle')}
        extra={
          <ExportMenu
            call={(format) => auditListAudit({ query: { ...query, format }, parseAs: 'blob', throwOnError: true })}
            name="audit"
            testId="audit-export"
          />
        }
      />
      <ContentCard>
        <TableToolbar>
          <DatePicker.RangePicker
            value={filters.range}
            onChange={(range) => set({ range: range?.[0] && range[1] ? [range[0], range[1]] : null })}
            disabledDate={(day) => day.isAfter(shanghaiToday(), 'day')}
            aria-label={t('audit.range')}
            data-testid="audit-range"
          />
          <ActorPicker value={filters.actorId} onChange={(actorId) => set({ actorId })} />
          <Select<number>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('audit.filterAgent')}
            aria-label={t('audit.filterAgent')}
            style={{ width: 170 }}
            value={filters.agentId}
            onChange={(agentId) => set({ agentId: agentId ?? undefined })}
            options={agents.data ?? []}
            loading={agents.isPending}
            data-testid="audit-agent"
          />
          <Select<string>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('audit.filterObject')}
            aria-label={t('audit.filterObject')}
            style={{ width: 160 }}
            value={filters.objectType}
            onChange={(objectType) => set({ objectType: objectType ?? undefined })}
            options={(facets.data?.object_types ?? []).map((value) => ({ value, label: label(t, 'audit.object.', value) }))}
            loading={facets.isPending}
            data-testid="audit-object-type"
          />
          <Input
            allowClear
            placeholder={t('audit.filterObjectId')}
            aria-label={t('audit.filterObjectId')}
            style={{ width: 130 }}
            value={filters.objectId}
            onChange={(e) => set({ objectId: e.target.value })}
          />
          <Select<string>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('audit.filterAction')}
            aria-label={t('audit.filterAction')}
            style={{ width: 220 }}
            value={filters.action}
            onChange={(action) => set({ action: action ?? undefined })}
            options={(facets.data?.actions ?? []).map((value) => ({ value, label: label(t, 'audit.action.', value) }))}
            loading={facets.isPending}
            data-testid="audit-action"
          />
          {isFiltered(filters) ? <Button onClick={() => setFilters(EMPTY_FILTERS)}>{t('audit.clearFilters')}</Button> : null}
        </TableToolbar>
        <QueryTable<AuditEntry>
          query={list}
          table={table}
          columns={columns}
          empty={isFiltered(effective) ? t('common.noMatch') : t('audit.empty')}
          expandable={{ expandedRowRender: (entry) => <AuditDiff entry={entry} />, rowExpandable: (entry) => !!(entry.before || entry.after) }}
        />
      </ContentCard>
    </>
  );
}
