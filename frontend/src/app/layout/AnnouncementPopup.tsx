// After any sign-in, the caller's unread active announcements (公告) pop up one after another,
// most important first (the server's order). Each must be acknowledged with "我已阅读": the
// dialog has no close button and ignores the mask and Esc (SPEC §4).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Flex, Modal, Typography } from 'antd';
import { useState } from 'react';
import { isApiError, reportError } from '../../api';
import {
  announcementsAcknowledgeAnnouncementMutation,
  announcementsUnreadAnnouncementsOptions,
} from '../../client/@tanstack/react-query.gen';
import { ImportanceTag } from '../../components/AnnouncementTags';
import { formatTime } from '../../lib/format';
import { MarkdownView } from '../../components/MarkdownView';
import { invalidateOperations } from '../../lib/queries';
import { useT } from '../../locales/i18n';

export function AnnouncementPopup() {
  const t = useT();
  const queryClient = useQueryClient();
  const unread = useQuery({ ...announcementsUnreadAnnouncementsOptions(), staleTime: 0, meta: { silent: true } });
  // Acknowledged in this visit: the next one shows at once, before the list is fetched again.
  const [done, setDone] = useState<number[]>([]);
  const refresh = () =>
    invalidateOperations(queryClient, 'announcementsUnreadAnnouncements', 'announcementsListAnnouncements', 'announcementsGetAnnouncement');
  const acknowledge = useMutation({
    ...announcementsAcknowledgeAnnouncementMutation(),
    meta: { silent: true },
    onSuccess: (_data, variables) => {
      setDone((ids) => [...ids, variables.path.announcement_id]);
      void refresh();
    },
    onError: (error, variables) => {
      if (isApiError(error) && (error.status === 404 || error.status === 409)) {
        // Withdrawn or expired meanwhile: nothing left to acknowledge.
        setDone((ids) => [...ids, variables.path.announcement_id]);
        void refresh();
      } else {
        reportError(error); // offline or a server error: it stays until acknowledged
      }
    },
  });

  const queue = (unread.data ?? []).filter((a) => !done.includes(a.id));
  const current = queue[0];
  if (!current) return null;
  const index = done.length + 1;
  const total = done.length + queue.length;

  return (
    <Modal
      open
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      centered
      width={640}
      title={
        <Flex align="center" gap={8} wrap>
          <ImportanceTag importance={current.importance} />
          <span data-testid="announcement-popup-title">{current.title}</span>
        </Flex>
      }
      footer={
        <Button
          type="primary"
          size="large"
          autoFocus
          loading={acknowledge.isPending}
          data-testid="announcement-ack"
          onClick={() => acknowledge.mutate({ path: { announcement_id: current.id } })}
        >
          {t('ann.popup.ack')}
        </Button>
      }
    >
      <div data-testid="announcement-popup">
        <Typography.Text type="secondary" data-testid="announcement-popup-counter">
          {t('ann.popup.counter', { index, total })} · {t('ann.publishedBy', { name: current.created_by.display_name, time: formatTime(current.publish_at) })}
        </Typography.Text>
        <div style={{ maxHeight: '55vh', overflowY: 'auto', margin: '12px 0' }}>
          <MarkdownView text={current.body} testId="announcement-popup-body" />
        </div>
        <Typography.Text type="warning">{t('ann.popup.hint')}</Typography.Text>
      </div>
    </Modal>
  );
}
