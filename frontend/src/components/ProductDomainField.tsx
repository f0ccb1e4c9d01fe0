// The product domain (产品领域) with the manual's 产品领域对照: typical products beside the field,
// searchable by product, with "其它" as the fallback that can be corrected later.
import { BookOutlined } from '@ant-design/icons';
import { Button, Popover, Select, Tag, Typography } from 'antd';
import { useState, type CSSProperties } from 'react';
import type { ProductDomainPublic } from '../client';
import { useI18n } from '../locales/i18n';
import { useAllProductDomains, useProductDomains } from '../hooks/useCatalog';
import { domainLabel } from '../lib/domainLabel';
import { DomainLookupPanel } from './DomainLookupPanel';
import { choosableDomains, domainPath } from '../lib/domainTree';

function productsText(domain: ProductDomainPublic, empty: string): string {
  return domain.typical_products.length ? domain.typical_products.join('、') : empty;
}

export function ProductDomainSelect({
  value,
  onChange,
  allowClear = false,
  placeholder,
  style,
  id,
  testId,
}: {
  value?: number;
  onChange?: (value: number | undefined) => void;
  allowClear?: boolean;
  placeholder?: string;
  style?: CSSProperties;
  id?: string;
  testId?: string;
}) {
  const { t, lang } = useI18n();
  const domains = useAllProductDomains();
  const label = placeholder ?? t('customer.domain');
  const all = domains.data ?? [];
  const offered = choosableDomains(all, value);
  return (
    <Select<number>
      id={id}
      value={value}
      onChange={(next) => onChange?.(next ?? undefined)}
      allowClear={allowClear}
      placeholder={label}
      aria-label={label}
      loading={domains.isLoading}
      style={{ width: '100%', ...style }}
      data-testid={testId}
      popupMatchSelectWidth={false}
      showSearch={{
        filterOption: (input, option) => (option?.search ?? '').toLowerCase().includes(input.trim().toLowerCase()),
      }}
      options={offered.map((domain) => ({
        value: domain.id,
        label: domainPath(domain, all, (d) => domainLabel(d, lang)),
        search: [domain.name, domain.name_en, ...domain.typical_products].join(' '),
        domain,
      }))}
      optionRender={(option) => (
        <div style={{ maxWidth: 320, whiteSpace: 'normal' }}>
          <div>
            {option.label}
            {option.data.domain.is_active ? null : <Tag style={{ marginInlineStart: 6 }}>{t('catalog.domain.inactive')}</Tag>}
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {productsText(option.data.domain, t('domain.otherHint'))}
          </Typography.Text>
        </div>
      )}
    />
  );
}

/** The typical products of the chosen domain, shown under the field. */
export function TypicalProducts({ domainId }: { domainId?: number }) {
  const { t } = useI18n();
  const domains = useAllProductDomains();
  const domain = domains.data?.find((d) => d.id === domainId);
  if (!domain) return <span>{t('domain.pickHint')}</span>;
  return (
    <span data-testid="typical-products">
      {domain.is_other ? t('domain.otherHint') : t('domain.typical', { products: productsText(domain, '') })}
    </span>
  );
}

/** 产品领域对照 beside a domain field: the tree with typical products and a search; picking one
 *  fills the field. */
export function DomainLookup({ onPick }: { onPick?: (id: number) => void }) {
  const { t } = useI18n();
  const domains = useProductDomains();
  const [open, setOpen] = useState(false);
  return (
    <Popover
      content={
        open ? (
          <DomainLookupPanel
            domains={domains.data ?? []}
            loading={domains.isLoading}
            onPick={
              onPick
                ? (id) => {
                    onPick(id);
                    setOpen(false);
                  }
                : undefined
            }
          />
        ) : null
      }
      title={t('domain.lookupTitle')}
      trigger="click"
      placement="bottomLeft"
      open={open}
      onOpenChange={setOpen}
    >
      <Button type="link" size="small" icon={<BookOutlined />} style={{ paddingInline: 0 }} data-testid="domain-lookup-open">
        {t('domain.lookup')}
      </Button>
    </Popover>
  );
}
