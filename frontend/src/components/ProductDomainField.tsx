// The product domain (产品领域) with the manual's 产品领域对照: typical products beside the field,
// searchable by product, with "其它" as the fallback that can be corrected later.
import { BookOutlined } from '@ant-design/icons';
import { Button, Popover, Select, Space, Typography } from 'antd';
import { useState, type CSSProperties } from 'react';
import type { ProductDomainPublic } from '../client';
import { useI18n } from '../locales/i18n';
import { domainLabel, useProductDomains } from './catalog';

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
  const domains = useProductDomains();
  const label = placeholder ?? t('customer.domain');
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
      options={(domains.data ?? []).map((domain) => ({
        value: domain.id,
        label: domainLabel(domain, lang),
        search: [domain.name, domain.name_en, ...domain.typical_products].join(' '),
        domain,
      }))}
      optionRender={(option) => (
        <div style={{ maxWidth: 320, whiteSpace: 'normal' }}>
          <div>{option.label}</div>
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
  const domains = useProductDomains();
  const domain = domains.data?.find((d) => d.id === domainId);
  if (!domain) return <span>{t('domain.pickHint')}</span>;
  return (
    <span data-testid="typical-products">
      {domain.is_other ? t('domain.otherHint') : t('domain.typical', { products: productsText(domain, '') })}
    </span>
  );
}

/** 产品领域对照: every domain with its typical products; picking one fills the field. */
export function DomainLookup({ onPick }: { onPick?: (id: number) => void }) {
  const { t, lang } = useI18n();
  const domains = useProductDomains();
  const [open, setOpen] = useState(false);
  const table = (
    <Space orientation="vertical" size={6} style={{ maxWidth: 340, maxHeight: 360, overflowY: 'auto' }} data-testid="domain-lookup">
      {(domains.data ?? []).map((domain) => (
        <div key={domain.id}>
          <Button
            type="link"
            size="small"
            disabled={!onPick}
            style={{ padding: 0, height: 'auto' }}
            onClick={() => {
              onPick?.(domain.id);
              setOpen(false);
            }}
          >
            {domainLabel(domain, lang)}
          </Button>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {productsText(domain, t('domain.otherHint'))}
          </Typography.Text>
        </div>
      ))}
    </Space>
  );
  return (
    <Popover
      content={table}
      title={t('domain.lookupTitle')}
      trigger="click"
      placement="bottomLeft"
      open={open}
      onOpenChange={setOpen}
    >
      <Button type="link" size="small" icon={<BookOutlined />} style={{ paddingInline: 0 }}>
        {t('domain.lookup')}
      </Button>
    </Popover>
  );
}
