import { useCurrentUser } from '../../app/auth';
import { ContentCard } from '../../components/ContentCard';
import { PageHeader } from '../../components/PageHeader';
import { UrlTabs } from '../../components/UrlTabs';
import { useT } from '../../locales/i18n';
import { EntryTab } from './EntryTab';
import { ListTab } from './ListTab';
import { TraceTab } from './TraceTab';

/** 订单台: the assistant's day of orders across customers, the order search and the batch trace. */
export default function OrderDeskPage() {
  const t = useT();
  const { access } = useCurrentUser();
  const tabs = [
    ...(access.entersOrders ? [{ key: 'entry', label: t('orders.tab.entry'), children: <EntryTab /> }] : []),
    { key: 'list', label: t('orders.tab.list'), children: <ListTab /> },
    { key: 'trace', label: t('orders.tab.trace'), children: <TraceTab /> },
  ];
  return (
    <>
      <PageHeader title={<span data-testid="desk-title">{t('orders.title')}</span>} subtitle={t('orders.subtitle')} />
      <ContentCard>
        <UrlTabs items={tabs} />
      </ContentCard>
    </>
  );
}
