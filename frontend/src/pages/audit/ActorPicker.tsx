import { Select } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { usersListUsersOptions } from '../../client/@tanstack/react-query.gen';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { useT } from '../../locales/i18n';

/** Pick a person by name or user name (searched on the server, every agent's and the vendor's). */
export function ActorPicker({ value, onChange }: { value?: number; onChange: (id?: number) => void }) {
  const t = useT();
  const [search, setSearch] = useState('');
  const debounced = useDebouncedValue(search.trim());
  const users = useQuery({
    ...usersListUsersOptions({ query: { search: debounced || undefined, limit: 20, sort: 'display_name' } }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  // The chosen person stays labelled while a new search shows other people.
  const [picked, setPicked] = useState<{ value: number; label: string } | null>(null);
  const found = (users.data?.items ?? []).map((u) => ({
    value: u.id,
    label: `${u.display_name} (${u.username})${u.agent ? ` · ${u.agent.name}` : ''}`,
  }));
  const options = picked && value === picked.value && !found.some((o) => o.value === picked.value) ? [picked, ...found] : found;
  return (
    <Select<number>
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      placeholder={t('audit.filterActor')}
      aria-label={t('audit.filterActor')}
      style={{ width: 220 }}
      value={value}
      onChange={(id, option) => {
        setPicked(id !== undefined && option && !Array.isArray(option) ? { value: id, label: String(option.label) } : null);
        onChange(id ?? undefined);
      }}
      onClear={() => setSearch('')}
      options={options}
      loading={users.isFetching}
      notFoundContent={users.isPending ? null : t('common.noMatch')}
      data-testid="audit-actor"
    />
  );
}
