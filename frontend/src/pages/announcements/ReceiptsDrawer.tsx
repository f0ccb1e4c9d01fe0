import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Drawer, Empty, Flex, Grid, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import type { AnnouncementPublic, ReaderRow } from '../../client';
import { announcementsAnnouncementReceiptsOptions } from '../../client/@tanstack/react-query.gen';
import { announcementsAnnouncementReceipts } from '../../client';
import { reportError } from '../../api';
import { formatTime } from '../../lib/format';
import { LoadErrorAlert } from '../../components/LoadErrorAlert';
import { RoleTag } from '../../components/RoleTag';
import { downloadFile } from '../../lib/download';
import { useT } from '../../locales/i18n';

/** 阅读回执 (vendor): everybody in the audience, who has read it and when; export. */
export function ReceiptsDrawer({ announcement, onClose }: { announcement: AnnouncementPublic | null; onClose: () => void }) {
  const t = useT();
  const screens = Grid.useBreakpoint();
  const id = announcement?.id ?? 0;
  const query = useQuery({
    ...announcementsAnnouncementReceiptsOptions({ path: { announcement_id: id } }),
    enabled: announcement !== null,
    staleTime: 0,
    meta: { silent: true },
  });
  const [exporting, setExporting] = useState<'xlsx' | 'csv' | null>(null);
  const exportAs = (format: 'xlsx' | 'csv') => {
    setExporting(format);
    downloadFile(
      () =>
        announcementsAnnouncementReceipts({
          path: { announcement_id: id },
          query: { format },
          parseAs: 'blob',
          throwOnError: true,
        }),
      `announcement-${id}-receipts.${format}`,
    )
      .catch(reportError)
      .finally(() => setExporting(null));
  };
  const data = query.data;

  const columns: ColumnsType<ReaderRow> = [
    {
      key: 'person',
      title: t('ann.reader'),
      render: (_, r) => (
        <span>
          {r.display_name} <span style={{ opacity: 0.6 }}>({r.username})</span>
          {r.is_active ? null : <Tag style={{ marginInlineStart: 8 }}>{t('ann.inactive')}</Tag>}
        </span>
      ),
    },
    { key: 'role', title: t('ann.readerRole'), render: (_, r) => <RoleTag role={r.role} /> },
    { key: 'agent', title: t('ann.readerAgent'), render: (_, r) => r.agent?.name ?? t('ann.vendorSide') },
    {
      key: 'read',
      title: t('ann.read'),
      render: (_, r) =>
        r.read_at ? (
          <Tag color="green">{t('ann.readAt', { time: formatTime(r.read_at) })}</Tag>
        ) : (
          <Tag color="red">{t('ann.unread')}</Tag>
        ),
    },
  ];

  return (
    <Drawer
      open={announcement !== null}
      onClose={onClose}
      size={screens.md ? 720 : '100%'}
      title={announcement ? t('ann.receiptsTitle', { title: announcement.title }) : t('ann.receipts')}
      destroyOnHidden
      extra={
        <Flex gap={8}>
          <Button icon={<DownloadOutlined />} loading={exporting === 'xlsx'} onClick={() => exportAs('xlsx')} data-testid="receipts-xlsx">
            {t('ann.exportXlsx')}
          </Button>
          <Button icon={<DownloadOutlined />} loading={exporting === 'csv'} onClick={() => exportAs('csv')} data-testid="receipts-csv">
            {t('ann.exportCsv')}
          </Button>
        </Flex>
      }
    >
      {query.isError ? <LoadErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {data ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="receipts-summary"
          title={t('ann.receiptsSummary', {
            total: data.audience_total,
            read: data.read_total,
            unread: data.audience_total - data.read_total,
          })}
        />
      ) : null}
      <Table<ReaderRow>
        rowKey="user_id"
        columns={columns}
        dataSource={data?.readers ?? []}
        loading={query.isFetching}
        pagination={false}
        size="small"
        scroll={{ x: 'max-content' }}
        data-testid="receipts-table"
        onRow={() => ({ 'data-testid': 'receipt-row' }) as React.HTMLAttributes<HTMLElement>}
        locale={{ emptyText: query.isPending ? ' ' : <Empty description={t('ann.receiptsEmpty')} /> }}
      />
    </Drawer>
  );
}
