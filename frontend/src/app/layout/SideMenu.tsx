import {
  ApartmentOutlined,
  TrophyOutlined,
  AuditOutlined,
  BarChartOutlined,
  NotificationOutlined,
  BookOutlined,
  CheckSquareOutlined,
  CloudOutlined,
  FileSearchOutlined,
  FormOutlined,
  HomeOutlined,
  ImportOutlined,
  KeyOutlined,
  LineChartOutlined,
  MailOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Menu } from 'antd';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useT } from '../../locales/i18n';
import type { Area } from '../access';
import { useCurrentUser } from '../auth';

const ICONS: Record<Area, ReactNode> = {
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
};

function selectedPath(pathname: string): string {
  const first = pathname.split('/')[1] ?? '';
  return `/${first}`;
}

/** The side menu: only the areas the role may use (access.ts). */
export function SideMenu({ onNavigate }: { onNavigate?: () => void }) {
  const t = useT();
  const { access } = useCurrentUser();
  const location = useLocation();
  const navigate = useNavigate();
  return (
    <nav aria-label={t('nav.label')}>
      <Menu
        mode="inline"
        selectedKeys={[selectedPath(location.pathname)]}
        style={{ borderInlineEnd: 'none' }}
        items={access.menu.map((entry) => ({
          key: entry.path,
          icon: ICONS[entry.key],
          label: <span data-testid={`nav-${entry.key}`}>{t(entry.label)}</span>,
        }))}
        onClick={({ key }) => {
          navigate(key);
          onNavigate?.();
        }}
      />
    </nav>
  );
}
