import { Tabs, type TabsProps } from 'antd';
import { useSearchParams } from 'react-router';

/** Tabs whose open tab is the page's `?tab=` (a link or a reload keeps it); the first by default. */
export function UrlTabs({ items }: { items: NonNullable<TabsProps['items']> }) {
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const open = items.find((item) => item.key === asked)?.key ?? items[0]?.key;
  return <Tabs activeKey={open} onChange={(key) => setParams({ tab: key }, { replace: true })} items={items} />;
}
