import { describe, expect, it } from 'vitest';
import type { ProductDomainPublic } from '../client';
import { buildDomainTree, choosableDomains, domainPath, filterDomainTree } from './domainTree';

function domain(id: number, name: string, extra: Partial<ProductDomainPublic> = {}): ProductDomainPublic {
  return {
    id,
    name,
    name_en: '',
    typical_products: [],
    is_other: false,
    is_active: true,
    parent_id: null,
    sort_order: 0,
    ...extra,
  };
}

const DOMAINS = [
  domain(1, '小家电', { sort_order: 1, typical_products: ['电饭煲'] }),
  domain(2, '电机控制', { sort_order: 0, name_en: 'Motor control' }),
  domain(3, '个护电器', { parent_id: 1, sort_order: 1, typical_products: ['吹风机'] }),
  domain(4, '厨房电器', { parent_id: 1, sort_order: 0, typical_products: ['电磁炉'] }),
];

describe('the product domain tree', () => {
  it('puts level-2 domains under their level-1 domain, each level in its order', () => {
    const tree = buildDomainTree(DOMAINS);
    expect(tree.map((n) => n.domain.id)).toEqual([2, 1]);
    expect(tree[1].children.map((n) => n.domain.id)).toEqual([4, 3]);
  });

  it('finds a domain by a typical product and keeps its level-1 domain', () => {
    const found = filterDomainTree(buildDomainTree(DOMAINS), '吹风');
    expect(found.map((n) => n.domain.id)).toEqual([1]);
    expect(found[0].children.map((n) => n.domain.id)).toEqual([3]);
  });

  it('searches English names without case and shows everything for an empty query', () => {
    expect(filterDomainTree(buildDomainTree(DOMAINS), 'MOTOR').map((n) => n.domain.id)).toEqual([2]);
    expect(filterDomainTree(buildDomainTree(DOMAINS), '  ')).toHaveLength(2);
    expect(filterDomainTree(buildDomainTree(DOMAINS), '洗碗机')).toEqual([]);
  });

  it('names a level-2 domain with its level-1 domain', () => {
    expect(domainPath(DOMAINS[2], DOMAINS, (d) => d.name)).toBe('小家电 / 个护电器');
    expect(domainPath(DOMAINS[0], DOMAINS, (d) => d.name)).toBe('小家电');
  });
});

describe('a domain field', () => {
  const withInactive = [...DOMAINS, domain(5, '旧领域', { is_active: false, sort_order: 2 })];

  it('offers active domains only for a new choice', () => {
    expect(choosableDomains(withInactive, undefined).map((d) => d.id)).toEqual([1, 2, 3, 4]);
  });

  it('keeps a deactivated domain the record already has', () => {
    expect(choosableDomains(withInactive, 5).map((d) => d.id)).toEqual([1, 2, 3, 4, 5]);
  });
});
