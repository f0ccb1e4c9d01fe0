import { Badge, Space, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { ContentCard } from '../../components/ContentCard';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../locales/i18n';
import { ApplicationQueue } from './ApplicationQueue';
import { ProbingTable } from './ProbingTable';
import { extensionQueue, registrationQueue } from './queueKinds';
import { usePendingQueue } from './usePendingQueue';

const TABS = ['registrations', 'extensions', 'probing'] as const;
type Tab = (typeof TABS)[number];

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
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((k) => k === params.get('tab')) ?? 'registrations';
  const registrations = usePendingQueue(registrationQueue);
  const extensions = usePendingQueue(extensionQueue);
  return (
    <>
      <PageHeader title={t('nav.review')} subtitle={t('review.subtitle')} />
      <ContentCard>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
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
