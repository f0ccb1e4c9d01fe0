import { ContentCard } from '../../components/ContentCard';
import { PageHeader } from '../../components/PageHeader';
import { UrlTabs } from '../../components/UrlTabs';
import { useT } from '../../locales/i18n';
import { DomainsTab } from './DomainsTab';
import { McuModelsTab } from './McuModelsTab';

/** 产品目录: the product domain tree and our MCU models (the vendor maintains, everyone reads). */
export default function CatalogsPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('catalog.nav')} subtitle={t('catalog.subtitle')} />
      <ContentCard>
        <UrlTabs
          items={[
            { key: 'domains', label: t('catalog.tab.domains'), children: <DomainsTab /> },
            { key: 'models', label: t('catalog.tab.models'), children: <McuModelsTab /> },
          ]}
        />
      </ContentCard>
    </>
  );
}
