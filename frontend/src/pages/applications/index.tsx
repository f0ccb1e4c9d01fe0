import { Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { ContentCard } from '../../components/ContentCard';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../locales/i18n';
import { extensionsTab, registrationsTab } from './applicationKinds';
import { ApplicationsTab } from './ApplicationsTab';

/** 申请处理: every registration and extension application the caller may see, and its state. */
export default function ApplicationsPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'extensions' ? 'extensions' : 'registrations';
  return (
    <>
      <PageHeader title={t('nav.applications')} subtitle={t('applications.subtitle')} />
      <ContentCard>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          items={[
            { key: 'registrations', label: t('applications.tabRegistrations'), children: <ApplicationsTab kind={registrationsTab} /> },
            { key: 'extensions', label: t('applications.tabExtensions'), children: <ApplicationsTab kind={extensionsTab} /> },
          ]}
        />
      </ContentCard>
    </>
  );
}
