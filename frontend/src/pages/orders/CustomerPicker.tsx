import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState, type CSSProperties } from 'react';
import type { CustomerStatus } from '../../client';
import { customersListCustomersOptions } from '../../client/@tanstack/react-query.gen';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';

export interface CustomerChoice {
  id: number;
  name: string;
}

export interface CustomerPickerProps {
  id?: string;
  label: string;
  placeholder?: string;
  value: CustomerChoice | null;
  onChange: (customer: CustomerChoice | null) => void;
  /** Only customers in these states (order entry: protected ones). */
  statuses?: CustomerStatus[];
  style?: CSSProperties;
  testId?: string;
}

/** A customer by name, searched on the server among those the caller may see; Enter picks. */
export function CustomerPicker({ id, label, placeholder, value, onChange, statuses, style, testId }: CustomerPickerProps) {
  const [search, setSearch] = useState('');
  const typed = useDebouncedValue(search.trim());
  const customers = useQuery({
    ...customersListCustomersOptions({ query: { search: typed || undefined, status: statuses, limit: 20, sort: 'name' } }),
    placeholderData: keepPreviousData,
    meta: { silent: true },
  });
  const options = (customers.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }));
  if (value && !options.some((o) => o.value === value.id)) options.unshift({ value: value.id, label: value.name });
  return (
    <Select<number>
      id={id}
      // The server searches; the options on screen are narrowed at once too, so Enter typed
      // before the answer arrives picks a customer that matches, never the first of a stale list.
      showSearch={{ filterOption: (input, option) => String(option?.label ?? '').includes(input.trim()), onSearch: setSearch, searchValue: search }}
      allowClear
      value={value?.id}
      options={options}
      loading={customers.isFetching}
      placeholder={placeholder ?? label}
      aria-label={label}
      style={style}
      data-testid={testId}
      onChange={(picked, option) => {
        const chosen = Array.isArray(option) ? option[0] : option;
        onChange(picked === undefined || !chosen ? null : { id: picked, name: String(chosen.label) });
        setSearch('');
      }}
    />
  );
}
