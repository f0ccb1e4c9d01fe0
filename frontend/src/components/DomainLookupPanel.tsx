// 产品领域对照 (manual): the domain tree with the typical products of each domain and a search over
// names and typical products; picking a domain fills the field it stands beside.
import { SearchOutlined } from '@ant-design/icons';
import { Empty, Input, Tag, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useMemo, useState } from 'react';
import type { ProductDomainPublic } from '../client';
import { useI18n } from '../locales/i18n';
import { domainLabel } from '../lib/domainLabel';
import { buildDomainTree, filterDomainTree, type DomainNode } from '../lib/domainTree';

function NodeTitle({ domain, hint }: { domain: ProductDomainPublic; hint: string }) {
  const { t, lang } = useI18n();
  const products = domain.typical_products.length ? domain.typical_products.join('、') : hint;
  return (
    <span data-testid="domain-lookup-node">
      <span>{domainLabel(domain, lang)}</span>
      {domain.is_active ? null : (
        <Tag style={{ marginInlineStart: 6 }}>{t('catalog.domain.inactive')}</Tag>
      )}
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, whiteSpace: 'normal' }}>
        {products}
      </Typography.Text>
    </span>
  );
}

function toTreeData(nodes: DomainNode[], hint: string): DataNode[] {
  return nodes.map((node) => ({
    key: node.domain.id,
    title: <NodeTitle domain={node.domain} hint={node.domain.is_other ? hint : ''} />,
    children: toTreeData(node.children, hint),
  }));
}

/** The tree with its search box; `onPick` makes domains choosable (else read only). */
export function DomainLookupPanel({
  domains,
  onPick,
  loading = false,
  maxHeight = 360,
}: {
  domains: ProductDomainPublic[];
  onPick?: (id: number) => void;
  loading?: boolean;
  maxHeight?: number;
}) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const tree = useMemo(() => buildDomainTree(domains), [domains]);
  const shown = useMemo(() => filterDomainTree(tree, query), [tree, query]);
  const treeData = useMemo(() => toTreeData(shown, t('domain.otherHint')), [shown, t]);
  const expanded = useMemo(() => shown.filter((n) => n.children.length).map((n) => n.domain.id), [shown]);
  return (
    <div data-testid="domain-lookup" style={{ width: 340, maxWidth: '100%' }}>
      <Input
        allowClear
        autoFocus
        prefix={<SearchOutlined />}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        placeholder={t('catalog.lookup.search')}
        aria-label={t('catalog.lookup.search')}
        style={{ marginBottom: 8 }}
        data-testid="domain-lookup-search"
      />
      {!loading && treeData.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('catalog.lookup.none')} />
      ) : (
        <div style={{ maxHeight, overflowY: 'auto' }}>
          <Tree
            blockNode
            treeData={treeData}
            expandedKeys={expanded}
            selectable={Boolean(onPick)}
            selectedKeys={[]}
            onSelect={(keys) => {
              if (keys.length) onPick?.(Number(keys[0]));
            }}
            aria-label={t('domain.lookupTitle')}
          />
        </div>
      )}
    </div>
  );
}
