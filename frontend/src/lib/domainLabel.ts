import type { ProductDomainBrief, ProductDomainPublic } from '../client';
import type { Lang } from '../locales/i18n';

/** A domain's name in the UI language (the catalog has both; a brief only the Chinese name). */
export function domainLabel(domain: ProductDomainBrief | ProductDomainPublic, lang: Lang): string {
  if (lang === 'en-US' && 'name_en' in domain && domain.name_en) return domain.name_en;
  return domain.name;
}
