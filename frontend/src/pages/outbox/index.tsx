import { Select, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { notificationsListOutbox, OutboxStatus, type OutboxMessagePublic } from '../../client';
import { notificationsListOutboxOptions } from '../../client/@tanstack/react-query.gen';
import { ContentCard } from '../../components/ContentCard';
import { ExportMenu } from '../../components/ExportMenu';
import { formatTime } from '../../lib/format';
import { QueryTable } from '../../components/QueryTable';
import { PageHeader } from '../../components/PageHeader';
import { TableToolbar } from '../../components/TableToolbar';
import { useTableState } from '../../hooks/useTableState';
import { enumOptions } from '../../lib/enums';
import { useT, type MessageKey } from '../../locales/i18n';

const STATUS_COLORS: Record<OutboxStatus, string> = { pending: 'processing', sent: 'success', failed: 'error' };

/** 邮件发送 (vendor): the outbox — what was written, sent, waiting or given up, and why. */
export default function OutboxPage() {
  const t = useT();
  const table = useTableState();
  const [status, setStatus] = useState<OutboxStatus | undefined>();
  const { resetPage } = table;
  useEffect(() => resetPage(), [status, resetPage]);
  const query = useQuery({
    ...notificationsListOutboxOptions({ query: { limit: table.query.limit, offset: table.query.offset, status } }),
    placeholderData: keepPreviousData,
    meta: { silent: true },
  });
  const kindLabel = (kind: string) => {
    const key = `mail.kind.${kind}` as MessageKey;
    const text = t(key);
    return text === key ? kind : text;
  };
  const columns: ColumnsType<OutboxMessagePublic> = [
    { title: t('mail.outbox.created'), dataIndex: 'created_at', width: 170, render: (v: string) => formatTime(v, true) },
    { title: t('mail.outbox.kind'), dataIndex: 'kind', render: (v: string) => kindLabel(v) },
    { title: t('mail.outbox.to'), dataIndex: 'to_email' },
    { title: t('mail.outbox.subject'), dataIndex: 'subject', ellipsis: true },
    {
      title: t('mail.outbox.status'),
      dataIndex: 'status',
      render: (v: OutboxStatus) => (
        <Tag color={STATUS_COLORS[v]} data-status={v}>
          {t(`mail.outbox.status.${v}`)}
        </Tag>
      ),
    },
    { title: t('mail.outbox.attempts'), dataIndex: 'attempts', align: 'right' },
    {
      title: t('mail.outbox.nextTry'),
      dataIndex: 'next_attempt_at',
      render: (v: string, m) => (m.status === 'pending' ? formatTime(v, true) : '—'),
    },
    { title: t('mail.outbox.sentAt'), dataIndex: 'sent_at', render: (v: string | null) => (v ? formatTime(v, true) : '—') },
    {
      title: t('mail.outbox.error'),
      dataIndex: 'last_error',
      ellipsis: true,
      render: (v: string) => (v ? <Typography.Text type="danger">{v}</Typography.Text> : '—'),
    },
  ];
  return (
    <>
      <PageHeader title={t('mail.nav.outbox')} subtitle={t('mail.outbox.subtitle')} />
      <ContentCard>
        <TableToolbar>
          <Select<OutboxStatus>
            allowClear
            placeholder={t('mail.outbox.allStatuses')}
            aria-label={t('mail.outbox.status')}
            style={{ width: 160 }}
            value={status}
            onChange={(value) => setStatus(value ?? undefined)}
            options={enumOptions(OutboxStatus, (value) => t(`mail.outbox.status.${value}`))}
            data-testid="outbox-status"
          />
          <ExportMenu
            call={(format) => notificationsListOutbox({ query: { status, format }, parseAs: 'blob', throwOnError: true })}
            name="outbox"
            testId="outbox-export"
          />
        </TableToolbar>
        <QueryTable<OutboxMessagePublic>
          query={query}
          table={table}
          columns={columns}
          empty={status ? t('common.noMatch') : t('mail.outbox.empty')}
          expandable={{
            expandedRowRender: (m) => (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="outbox-body">
                {m.body}
              </Typography.Paragraph>
            ),
          }}
        />
      </ContentCard>
    </>
  );
}
