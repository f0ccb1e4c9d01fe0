import { SearchOutlined } from '@ant-design/icons';
import { Flex, Input } from 'antd';
import type { ReactNode } from 'react';

/** The row above a table: a search box and filters; wraps on narrow screens. */
export function TableToolbar({
  search,
  onSearch,
  searchPlaceholder,
  searchLabel,
  children,
}: {
  search?: string;
  onSearch?: (value: string) => void;
  searchPlaceholder?: string;
  searchLabel?: string;
  children?: ReactNode;
}) {
  return (
    <Flex gap={8} wrap style={{ marginBottom: 16 }}>
      {onSearch ? (
        <Input
          allowClear
          prefix={<SearchOutlined />}
          value={search}
          onChange={(e) => onSearch(e.target.value)}
          placeholder={searchPlaceholder}
          aria-label={searchLabel ?? searchPlaceholder}
          style={{ width: 260, maxWidth: '100%' }}
          data-testid="table-search"
        />
      ) : null}
      {children}
    </Flex>
  );
}
