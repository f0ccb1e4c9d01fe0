import { ContentCard } from '../../components/ContentCard';
import { PageHeader } from '../../components/PageHeader';
import { UrlTabs } from '../../components/UrlTabs';
import { useT } from '../../locales/i18n';
import { extensionsTab, registrationsTab } from './applicationKinds';
import { ApplicationsTab } from './ApplicationsTab';

/** 申请处理: every registration and extension application the caller may see, and its state. */
export default function ApplicationsPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('nav.applications')} subtitle={t('applications.subtitle')} />
      <ContentCard>
        <UrlTabs
          items={[
            { key: 'registrations', label: t('applications.tabRegistrations'), children: <ApplicationsTab kind={registrationsTab} /> },
            { key: 'extensions', label: t('applications.tabExtensions'), children: <ApplicationsTab kind={extensionsTab} /> },
          ]}
        />
      </ContentCard>
    </>
  );
}
