import {
  ApartmentOutlined,
  TrophyOutlined,
  AuditOutlined,
  BarChartOutlined,
  NotificationOutlined,
  BookOutlined,
  CheckSquareOutlined,
  CoffeeOutlined,
  CloudOutlined,
  FileSearchOutlined,
  FormOutlined,
  HomeOutlined,
  ImportOutlined,
  KeyOutlined,
  LineChartOutlined,
  MailOutlined,
  SettingOutlined,
  ShoppingCartOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Badge, Menu, type MenuProps } from 'antd';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useDesk } from '../../hooks/useDesk';
import { DESK_QUEUES, queueCount } from '../../lib/desk';
import { useT } from '../../locales/i18n';
import type { Area } from '../access';
import { useCurrentUser } from '../auth';

const ICONS: Record<Area, ReactNode> = {
  desk: <CoffeeOutlined />,
  home: <HomeOutlined />,
  register: <FormOutlined />,
  pool: <CloudOutlined />,
  applications: <FileSearchOutlined />,
  review: <CheckSquareOutlined />,
  rules: <SettingOutlined />,
  people: <TeamOutlined />,
  agents: <ApartmentOutlined />,
  audit: <AuditOutlined />,
  outbox: <MailOutlined />,
  stats: <BarChartOutlined />,
  forecast: <LineChartOutlined />,
  scorecard: <TrophyOutlined />,
  tokens: <KeyOutlined />,
  imports: <ImportOutlined />,
  announcements: <NotificationOutlined />,
  catalogs: <BookOutlined />,
  orders: <ShoppingCartOutlined />,
};

function selectedPath(pathname: string, search: string): string {
  const first = pathname.split('/')[1] ?? '';
  if (first === 'desk') return `/desk?tab=${new URLSearchParams(search).get('tab') ?? DESK_QUEUES[0]}`;
  return `/${first}`;
}

type MenuItem = NonNullable<MenuProps['items']>[number];

/** The side menu: only the areas the role may use (access.ts). */
export function SideMenu({ onNavigate }: { onNavigate?: () => void }) {
  const t = useT();
  const { access } = useCurrentUser();
  const location = useLocation();
  const navigate = useNavigate();
  const hasDesk = access.areas.has('desk');
  const desk = useDesk(hasDesk);
  // The desk opens on its queues, each with its count (issue 12 §2: counts in the side menu).
  const deskQueues: MenuItem[] = DESK_QUEUES.map((key) => ({
    key: `/desk?tab=${key}`,
    label: (
      <span data-testid={`nav-desk-${key}`}>
        {t(`desk.queue.${key}`)} <Badge count={queueCount(desk.data, key)} size="small" overflowCount={999} />
      </span>
    ),
  }));
  return (
    <nav aria-label={t('nav.label')}>
      <Menu
        mode="inline"
        selectedKeys={[selectedPath(location.pathname, location.search)]}
        defaultOpenKeys={hasDesk ? ['/desk'] : []}
        style={{ borderInlineEnd: 'none' }}
        items={access.menu.map((entry) => ({
          key: entry.path,
          icon: ICONS[entry.key],
          label: <span data-testid={`nav-${entry.key}`}>{t(entry.label)}</span>,
          ...(entry.key === 'desk' ? { children: deskQueues } : {}),
        }))}
        onClick={({ key }) => {
          navigate(key);
          onNavigate?.();
        }}
      />
    </nav>
  );
}
