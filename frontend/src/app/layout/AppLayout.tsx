import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Layout, theme, Typography } from 'antd';
import { useState } from 'react';
import { Link, Outlet } from 'react-router';
import { FollowupUnreadBadge } from '../../components/FollowupUnreadBadge';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useT } from '../../locales/i18n';
import { AnnouncementPopup } from './AnnouncementPopup';
import { SideMenu } from './SideMenu';
import { UserMenu } from './UserMenu';

const { Header, Sider, Content } = Layout;

export function ProductName({ short = false }: { short?: boolean }) {
  const t = useT();
  return (
    <Link to="/" style={{ display: 'flex', alignItems: 'center', gap: 8, color: 'inherit' }}>
      <img src="/favicon.svg" alt="" width={24} height={24} />
      <Typography.Text strong style={{ fontSize: 16, whiteSpace: 'nowrap' }}>
        {short ? t('app.shortName') : t('app.name')}
      </Typography.Text>
    </Link>
  );
}

/** The app shell: top bar, side menu (a drawer on narrow screens), content. */
export function AppLayout() {
  const t = useT();
  const screens = Grid.useBreakpoint();
  const narrow = screens.md === false;
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  // Closed by choosing a screen: focus stays where the user goes next (the drawer would hand it
  // back to the menu button when its animation ends, closing a field the thumb just opened).
  const [navigated, setNavigated] = useState(false);
  const { token } = theme.useToken();

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 8,
          padding: narrow ? '0 8px' : '0 24px',
          background: token.colorBgContainer,
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
          position: 'sticky',
          top: 0,
          zIndex: 10,
        }}
      >
        {narrow ? (
          <Button
            type="text"
            icon={<MenuOutlined />}
            aria-label={t('nav.open')}
            data-testid="nav-open"
            onClick={() => {
              setNavigated(false);
              setDrawerOpen(true);
            }}
          />
        ) : null}
        <ProductName short={narrow} />
        <div style={{ flex: 1 }} />
        <FollowupUnreadBadge />
        <LanguageSwitch compact={narrow} />
        <UserMenu />
      </Header>
      <Layout>
        {narrow ? (
          <Drawer
            placement="left"
            size={260}
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            focusable={{ focusTriggerAfterClose: !navigated }}
            title={t('app.name')}
            styles={{ body: { padding: 0 } }}
          >
            <SideMenu
              onNavigate={() => {
                setNavigated(true);
                setDrawerOpen(false);
              }}
            />
          </Drawer>
        ) : (
          <Sider
            theme="light"
            width={208}
            collapsible
            collapsed={collapsed}
            onCollapse={setCollapsed}
            breakpoint="lg"
            onBreakpoint={setCollapsed}
            style={{ borderInlineEnd: `1px solid ${token.colorBorderSecondary}` }}
          >
            <SideMenu />
          </Sider>
        )}
        <Content style={{ padding: narrow ? 12 : 24, minWidth: 0 }}>
          <Outlet />
        </Content>
      </Layout>
      <AnnouncementPopup />
    </Layout>
  );
}
