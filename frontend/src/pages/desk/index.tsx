import { useQueryClient } from '@tanstack/react-query';
import { Badge, Space } from 'antd';
import { useState } from 'react';
import { useCurrentUser } from '../../app/auth';
import { ContentCard } from '../../components/ContentCard';
import { ErrorResult } from '../../components/ErrorResult';
import { FullPageSpin } from '../../components/FullPageSpin';
import { PageHeader } from '../../components/PageHeader';
import { UrlTabs } from '../../components/UrlTabs';
import { useDesk } from '../../hooks/useDesk';
import { queueCount } from '../../lib/desk';
import { invalidateOperations } from '../../lib/queries';
import { useT } from '../../locales/i18n';
import { CustomerDrawer } from '../customer/CustomerDrawer';
import { ApplicationQueue } from '../review/ApplicationQueue';
import { usePendingQueue } from '../review/usePendingQueue';
import { NewReports } from './NewReports';
import { Questions } from './Questions';
import { waitingExtensions, waitingRegistrations } from './queueKinds';
import { ReviewsDue } from './ReviewsDue';

function TabLabel({ text, count, testId }: { text: string; count: number; testId: string }) {
  return (
    <Space size={6} data-testid={testId}>
      {text}
      <Badge count={count} size="small" showZero color={count ? undefined : 'default'} />
    </Space>
  );
}

/** 工作台: the vendor's start of day — every queue of pending work with its count, oldest first. */
export default function DeskPage() {
  const t = useT();
  const { access } = useCurrentUser();
  const queryClient = useQueryClient();
  const desk = useDesk();
  const registrations = usePendingQueue(waitingRegistrations);
  const extensions = usePendingQueue(waitingExtensions);
  const [customerId, setCustomerId] = useState<number | null>(null);
  const closeCustomer = () => {
    setCustomerId(null);
    // A review or release in the drawer takes the customer off the desk's lists.
    void invalidateOperations(queryClient, 'deskReadDesk', 'deskListReviewsDue');
  };

  if (desk.isPending) return <FullPageSpin />;
  if (desk.isError && !desk.data) return <ErrorResult error={desk.error} onRetry={() => void desk.refetch()} />;
  const label = (key: Parameters<typeof queueCount>[1]) => (
    <TabLabel text={t(`desk.queue.${key}`)} count={queueCount(desk.data, key)} testId={`desk-tab-${key}`} />
  );

  return (
    <>
      <PageHeader title={t('desk.nav')} subtitle={t('desk.subtitle')} />
      <ContentCard>
        <UrlTabs
          items={[
            {
              key: 'registrations',
              label: label('registrations'),
              children: <ApplicationQueue kind={waitingRegistrations} queue={registrations} />,
            },
            {
              key: 'extensions',
              label: label('extensions'),
              children: <ApplicationQueue kind={waitingExtensions} queue={extensions} />,
            },
            {
              key: 'new_reports',
              label: label('new_reports'),
              children: <NewReports onOpenCustomer={setCustomerId} seenAt={desk.data.seen_at} />,
            },
            {
              key: 'open_questions',
              label: label('open_questions'),
              children: <Questions onOpenCustomer={setCustomerId} canAnswer={access.role === 'vendor'} />,
            },
            { key: 'reviews_due', label: label('reviews_due'), children: <ReviewsDue onOpenCustomer={setCustomerId} /> },
          ]}
        />
      </ContentCard>
      <CustomerDrawer customerId={customerId} onClose={closeCustomer} />
    </>
  );
}
