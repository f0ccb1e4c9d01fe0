// Queries and cache refreshes of the catalogs screen.
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { catalogListProductDomainsOptions } from '../../client/@tanstack/react-query.gen';
import { invalidateOperations } from '../../lib/queries';

/** Every domain, the deactivated ones too (the maintenance view). */
export function useAllDomains(enabled = true) {
  return useQuery({ ...catalogListProductDomainsOptions({ query: { include_inactive: true } }), enabled });
}

/** After a change of the domain tree: every list of domains (forms, filters, this screen). */
export function refreshDomains(queryClient: QueryClient): Promise<void> {
  return invalidateOperations(queryClient, 'catalogListProductDomains', 'catalogProductDomainReferences');
}

/** After a change of the MCU models: the pages here and the model lists of the forms. */
export function refreshModels(queryClient: QueryClient): Promise<void> {
  return invalidateOperations(queryClient, 'catalogPageMcuModels', 'catalogListMcuModels');
}
