// The product domain tree (level-1 domains and their level-2 domains) built from the flat list
// the API answers in tree order, and the lookup's search over names and typical products.
import type { ProductDomainPublic } from '../client';

export interface DomainNode {
  domain: ProductDomainPublic;
  children: DomainNode[];
}

export function buildDomainTree(domains: ProductDomainPublic[]): DomainNode[] {
  const byOrder = [...domains].sort((a, b) => a.sort_order - b.sort_order || a.id - b.id);
  const tops = byOrder.filter((d) => d.parent_id === null || !domains.some((p) => p.id === d.parent_id));
  return tops.map((domain) => ({
    domain,
    children: byOrder.filter((d) => d.parent_id === domain.id).map((child) => ({ domain: child, children: [] })),
  }));
}

function matches(domain: ProductDomainPublic, needle: string): boolean {
  return [domain.name, domain.name_en, ...domain.typical_products].some((text) => text.toLowerCase().includes(needle));
}

/** The nodes matching `query` (name, English name or a typical product); a level-1 domain is
 *  kept with its matching level-2 domains, or with all of them when it matches itself. */
export function filterDomainTree(nodes: DomainNode[], query: string): DomainNode[] {
  const needle = query.trim().toLowerCase();
  if (!needle) return nodes;
  return nodes.flatMap((node) => {
    if (matches(node.domain, needle)) return [node];
    const children = node.children.filter((child) => matches(child.domain, needle));
    return children.length ? [{ ...node, children }] : [];
  });
}

/** A domain's full name: "level-1 / level-2" for a level-2 domain. */
export function domainPath(
  domain: ProductDomainPublic,
  domains: ProductDomainPublic[],
  label: (d: ProductDomainPublic) => string,
): string {
  const parent = domain.parent_id === null ? undefined : domains.find((d) => d.id === domain.parent_id);
  return parent ? `${label(parent)} / ${label(domain)}` : label(domain);
}

/** What a domain field offers: the active domains (under an active level-1 domain), and a
 *  deactivated one only when it is the value the record already has (it keeps it). */
export function choosableDomains(domains: ProductDomainPublic[], value: number | undefined): ProductDomainPublic[] {
  return domains.filter((domain) => {
    const parent = domains.find((d) => d.id === domain.parent_id);
    return (domain.is_active && (parent?.is_active ?? true)) || domain.id === value;
  });
}
