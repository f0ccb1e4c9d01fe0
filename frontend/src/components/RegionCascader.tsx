import { Cascader } from 'antd';
import { useMemo, type CSSProperties } from 'react';
import { useT } from '../locales/i18n';
import { useRegions } from '../hooks/useCatalog';

/** [province, city] — or [province] alone where a filter allows it. */
export type RegionValue = string[];

/**
 * Province → city from the national division list (the manual: 区域填写到xx市). In a form the
 * value is [province, city]; as a filter (`anyLevel`) a province alone is a choice too.
 */
export function RegionCascader({
  value,
  onChange,
  anyLevel = false,
  placeholder,
  style,
  id,
  testId,
}: {
  value?: RegionValue;
  onChange?: (value: RegionValue | undefined) => void;
  anyLevel?: boolean;
  placeholder?: string;
  style?: CSSProperties;
  id?: string;
  testId?: string;
}) {
  const t = useT();
  const regions = useRegions();
  const options = useMemo(
    () =>
      (regions.data ?? []).map((province) => ({
        value: province.name,
        label: province.name,
        children: province.cities.map((city) => ({ value: city, label: city })),
      })),
    [regions.data],
  );
  const label = placeholder ?? t('customer.region');
  return (
    <Cascader
      id={id}
      options={options}
      value={value && value.length ? value : undefined}
      onChange={(next) => onChange?.(next && next.length ? (next as string[]) : undefined)}
      changeOnSelect={anyLevel}
      showSearch={{ filter: (input, path) => path.some((o) => String(o.label).includes(input.trim())) }}
      placeholder={label}
      aria-label={label}
      loading={regions.isLoading}
      allowClear
      style={{ width: '100%', ...style }}
      data-testid={testId}
    />
  );
}
