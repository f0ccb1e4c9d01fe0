import { Badge, Space } from 'antd';
import { ContentCard } from '../../components/ContentCard';
import { PageHeader } from '../../components/PageHeader';
import { UrlTabs } from '../../components/UrlTabs';
import { useT } from '../../locales/i18n';
import { ApplicationQueue } from './ApplicationQueue';
import { ProbingTable } from './ProbingTable';
import { extensionQueue, registrationQueue } from './queueKinds';
import { usePendingQueue } from './usePendingQueue';

function TabLabel({ text, count }: { text: string; count?: number }) {
  return (
    <Space size={6}>
      {text}
      {count ? <Badge count={count} size="small" /> : null}
    </Space>
  );
}

/** 审批 (vendor): pending registrations and extensions, and users probing names. */
export default function ReviewPage() {
  const t = useT();
  const registrations = usePendingQueue(registrationQueue);
  const extensions = usePendingQueue(extensionQueue);
  return (
    <>
      <PageHeader title={t('nav.review')} subtitle={t('review.subtitle')} />
      <ContentCard>
        <UrlTabs
          items={[
            {
              key: 'registrations',
              label: <TabLabel text={t('review.tabRegistrations')} count={registrations.query.data?.total} />,
              children: <ApplicationQueue kind={registrationQueue} queue={registrations} />,
            },
            {
              key: 'extensions',
              label: <TabLabel text={t('review.tabExtensions')} count={extensions.query.data?.total} />,
              children: <ApplicationQueue kind={extensionQueue} queue={extensions} />,
            },
            { key: 'probing', label: t('review.tabProbing'), children: <ProbingTable /> },
          ]}
        />
      </ContentCard>
    </>
  );
}
