import { Badge, Space, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { ContentCard } from '../../components/ContentCard';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../locales/i18n';
import { ExtensionQueue } from './ExtensionQueue';
import { ProbingTable } from './ProbingTable';
import { RegistrationQueue } from './RegistrationQueue';
import { useReviewQueues } from './useReviewQueues';

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
  const queues = useReviewQueues();
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
              label: <TabLabel text={t('review.tabRegistrations')} count={queues.registrations.data?.total} />,
              children: (
                <RegistrationQueue
                  query={queues.registrations}
                  page={queues.registrationPaging.page}
                  setPage={queues.registrationPaging.setPage}
                />
              ),
            },
            {
              key: 'extensions',
              label: <TabLabel text={t('review.tabExtensions')} count={queues.extensions.data?.total} />,
              children: (
                <ExtensionQueue
                  query={queues.extensions}
                  page={queues.extensionPaging.page}
                  setPage={queues.extensionPaging.setPage}
                />
              ),
            },
            { key: 'probing', label: t('review.tabProbing'), children: <ProbingTable /> },
          ]}
        />
      </ContentCard>
    </>
  );
}
