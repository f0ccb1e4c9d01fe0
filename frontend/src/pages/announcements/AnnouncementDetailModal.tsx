import { Button, Descriptions, Flex, Modal, Tag } from 'antd';
import type { AnnouncementPublic } from '../../client';
import { AnnouncementStateTag, ImportanceTag } from '../../components/AnnouncementTags';
import { formatTime } from '../../lib/format';
import { MarkdownView } from '../../components/MarkdownView';
import { useT } from '../../locales/i18n';
import { audienceText } from './audience';

/** One announcement: its text rendered, when it shows, and the caller's read time. */
export function AnnouncementDetailModal({
  announcement,
  showAudience,
  onClose,
}: {
  announcement: AnnouncementPublic | null;
  showAudience: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const a = announcement;
  return (
    <Modal
      open={a !== null}
      onCancel={onClose}
      width={720}
      title={
        a ? (
          <Flex align="center" gap={8} wrap>
            <ImportanceTag importance={a.importance} />
            <span>{a.title}</span>
          </Flex>
        ) : null
      }
      footer={<Button onClick={onClose}>{t('ann.close')}</Button>}
      destroyOnHidden
    >
      {a ? (
        <div data-testid="announcement-detail">
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2 }}
            items={[
              { key: 'state', label: t('ann.state'), children: <AnnouncementStateTag state={a.state ?? 'active'} /> },
              {
                key: 'read',
                label: t('ann.read'),
                children: !a.addressed_to_me ? (
                  t('ann.notForMe')
                ) : a.read_at ? (
                  t('ann.readAt', { time: formatTime(a.read_at) })
                ) : (
                  <Tag color="red">{t('ann.unread')}</Tag>
                ),
              },
              { key: 'publish', label: t('ann.publishAt'), children: formatTime(a.publish_at) },
              { key: 'expire', label: t('ann.expireAt'), children: a.expire_at ? formatTime(a.expire_at) : t('ann.never') },
              ...(showAudience ? [{ key: 'audience', label: t('ann.audience'), children: audienceText(t, a) }] : []),
              ...(a.withdrawn_at
                ? [{ key: 'withdrawn', label: t('ann.state.withdrawn'), children: `${t('ann.withdrawnAt', { time: formatTime(a.withdrawn_at) })} ${a.withdrawal_reason}` }]
                : []),
            ]}
          />
          <div style={{ marginTop: 16 }}>
            <MarkdownView text={a.body} testId="announcement-detail-body" />
          </div>
        </div>
      ) : null}
    </Modal>
  );
}
