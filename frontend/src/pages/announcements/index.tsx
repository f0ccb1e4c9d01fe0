import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type HTMLAttributes } from 'react';
import { announcementsListAnnouncements, type AnnouncementPublic } from '../../client';
import {
  announcementsCreateAnnouncementMutation,
  announcementsListAnnouncementsOptions,
  announcementsUpdateAnnouncementMutation,
  announcementsWithdrawAnnouncementMutation,
} from '../../client/@tanstack/react-query.gen';
import { useCurrentUser } from '../../app/auth';
import { AnnouncementStateTag, ImportanceTag } from '../../components/AnnouncementTags';
import { ContentCard } from '../../components/ContentCard';
import { ExportMenu } from '../../components/ExportMenu';
import { formatTime } from '../../lib/format';
import { QueryTable } from '../../components/QueryTable';
import { PageHeader } from '../../components/PageHeader';
import { invalidateOperations } from '../../lib/queries';
import { ReasonModal } from '../../components/ReasonModal';
import { RowActions, type RowAction } from '../../components/RowActions';
import { useTableState } from '../../hooks/useTableState';
import { useT } from '../../locales/i18n';
import { AnnouncementDetailModal } from './AnnouncementDetailModal';
import { AnnouncementFormModal } from './AnnouncementFormModal';
import { audienceText } from './audience';
import { ReceiptsDrawer } from './ReceiptsDrawer';

/** 公告: every role reads the announcements addressed to it; the vendor also writes them. */
export default function AnnouncementsPage() {
  const t = useT();
  const { message } = App.useApp();
  const { access } = useCurrentUser();
  const writes = access.writesAnnouncements;
  const queryClient = useQueryClient();
  const table = useTableState();
  const list = useQuery({
    ...announcementsListAnnouncementsOptions({ query: { limit: table.query.limit, offset: table.query.offset } }),
    placeholderData: keepPreviousData,
    meta: { silent: true },
  });
  const refresh = () =>
    invalidateOperations(queryClient, 'announcementsListAnnouncements', 'announcementsUnreadAnnouncements', 'announcementsAnnouncementReceipts');

  const [opened, setOpened] = useState<AnnouncementPublic | null>(null);
  const [editing, setEditing] = useState<AnnouncementPublic | 'new' | null>(null);
  const [withdrawing, setWithdrawing] = useState<AnnouncementPublic | null>(null);
  const [receiptsOf, setReceiptsOf] = useState<AnnouncementPublic | null>(null);

  const create = useMutation({ ...announcementsCreateAnnouncementMutation(), meta: { silent: true }, onSuccess: refresh });
  const update = useMutation({ ...announcementsUpdateAnnouncementMutation(), meta: { silent: true }, onSuccess: refresh });
  const withdraw = useMutation({ ...announcementsWithdrawAnnouncementMutation(), onSuccess: refresh });

  const actionsOf = (a: AnnouncementPublic): RowAction[] => {
    const actions: RowAction[] = [{ key: 'open', label: t('ann.open'), onClick: () => setOpened(a) }];
    if (!writes) return actions;
    actions.push({ key: 'receipts', label: t('ann.receipts'), onClick: () => setReceiptsOf(a) });
    if (a.state !== 'withdrawn') {
      actions.push({ key: 'edit', label: t('common.edit'), onClick: () => setEditing(a) });
      actions.push({ key: 'withdraw', label: t('ann.withdraw'), danger: true, onClick: () => setWithdrawing(a) });
    }
    return actions;
  };

  const columns: ColumnsType<AnnouncementPublic> = [
    {
      key: 'title',
      title: t('ann.title'),
      render: (_, a) => (
        <Typography.Link onClick={() => setOpened(a)} strong={!a.read_at} data-testid="announcement-title">
          {a.title}
        </Typography.Link>
      ),
    },
    { key: 'importance', title: t('ann.importance'), render: (_, a) => <ImportanceTag importance={a.importance} /> },
    ...(writes ? [{ key: 'audience', title: t('ann.audience'), render: (_: unknown, a: AnnouncementPublic) => audienceText(t, a) }] : []),
    { key: 'publish', title: t('ann.publishAt'), render: (_, a) => formatTime(a.publish_at) },
    { key: 'expire', title: t('ann.expireAt'), render: (_, a) => (a.expire_at ? formatTime(a.expire_at) : t('ann.never')) },
    { key: 'state', title: t('ann.state'), render: (_, a) => <AnnouncementStateTag state={a.state ?? 'active'} /> },
    {
      key: 'read',
      title: t('ann.read'),
      render: (_, a) =>
        !a.addressed_to_me ? (
          <Typography.Text type="secondary" title={t('ann.notForMe')}>
            —
          </Typography.Text>
        ) : a.read_at ? (
          <span data-testid="announcement-read">{t('ann.readAt', { time: formatTime(a.read_at) })}</span>
        ) : (
          <Tag color="red" data-testid="announcement-unread">
            {t('ann.unread')}
          </Tag>
        ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      fixed: 'right',
      render: (_, a) => <RowActions subject={a.title} actions={actionsOf(a)} />,
    },
  ];

  const formTarget = editing === 'new' ? null : editing;
  return (
    <>
      <PageHeader
        title={t('ann.nav')}
        subtitle={writes ? t('ann.subtitleVendor') : t('ann.subtitle')}
        extra={
          <>
            {writes ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="announcement-create">
                {t('ann.create')}
              </Button>
            ) : null}
            <ExportMenu
              call={(format) => announcementsListAnnouncements({ query: { format }, parseAs: 'blob', throwOnError: true })}
              name="announcements"
              testId="announcements-export"
            />
          </>
        }
      />
      <ContentCard>
        <QueryTable<AnnouncementPublic>
          query={list}
          table={table}
          columns={columns}
          empty={t('ann.empty')}
          data-testid="announcements-table"
          onRow={(a) => ({ 'data-testid': 'announcement-row', 'data-read': a.read_at ? 'true' : 'false' }) as HTMLAttributes<HTMLElement>}
        />
      </ContentCard>
      <AnnouncementDetailModal announcement={opened} showAudience={writes} onClose={() => setOpened(null)} />
      {writes ? (
        <>
          <AnnouncementFormModal
            key={formTarget?.id ?? 'new'}
            open={editing !== null}
            editing={formTarget}
            loading={create.isPending || update.isPending}
            onCancel={() => setEditing(null)}
            onSubmit={(body, onError) => {
              const done = (text: string) => () => {
                setEditing(null);
                void message.success(text);
              };
              if (formTarget) {
                update.mutate({ path: { announcement_id: formTarget.id }, body }, { onSuccess: done(t('ann.saved')), onError });
              } else {
                create.mutate({ body }, { onSuccess: done(t('ann.created')), onError });
              }
            }}
          />
          <ReasonModal
            open={withdrawing !== null}
            title={withdrawing ? t('ann.withdrawTitle', { title: withdrawing.title }) : ''}
            description={t('ann.withdrawText')}
            label={t('ann.withdrawReason')}
            okText={t('ann.withdraw')}
            danger
            loading={withdraw.isPending}
            testId="announcement-withdraw"
            onCancel={() => setWithdrawing(null)}
            onSubmit={(reason) =>
              withdrawing &&
              withdraw.mutate(
                { path: { announcement_id: withdrawing.id }, body: { reason } },
                {
                  onSuccess: () => {
                    setWithdrawing(null);
                    void message.success(t('ann.withdrawn'));
                  },
                },
              )
            }
          />
          <ReceiptsDrawer announcement={receiptsOf} onClose={() => setReceiptsOf(null)} />
        </>
      ) : null}
    </>
  );
}
