// Catalogs every form and filter needs (product domains, regions, rules): fetched once, cached long.
import { useQuery } from '@tanstack/react-query';
import type { ProductDomainBrief } from '../client';
import {
  catalogListProductDomainsOptions,
  catalogListRegionsOptions,
  rulesReadRulesOptions,
} from '../client/@tanstack/react-query.gen';
import { domainLabel } from '../lib/domainLabel';
import { useI18n } from '../locales/i18n';

export function useProductDomains() {
  return useQuery({ ...catalogListProductDomainsOptions(), staleTime: 10 * 60_000 });
}

/** Every domain, deactivated ones too: a record keeps a domain deactivated since (SPEC §8). */
export function useAllProductDomains() {
  return useQuery({ ...catalogListProductDomainsOptions({ query: { include_inactive: true } }), staleTime: 10 * 60_000 });
}

export function useRegions() {
  return useQuery({ ...catalogListRegionsOptions(), staleTime: Infinity });
}

export function useRules(enabled = true) {
  return useQuery({ ...rulesReadRulesOptions(), staleTime: 60_000, enabled });
}

/** Names domains (also the briefs inside customers) in the UI language, through the catalog. */
export function useDomainName(): (domain: ProductDomainBrief) => string {
  const { lang } = useI18n();
  const domains = useProductDomains();
  return (brief) => {
    const full = domains.data?.find((d) => d.id === brief.id);
    return domainLabel(full ?? brief, lang);
  };
}
