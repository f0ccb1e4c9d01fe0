import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown, Grid, Space, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { RoleTag } from '../../components/RoleTag';
import { useT } from '../../locales/i18n';
import { useCurrentUser, useSignOut } from '../auth';

/** Display name, role and agent; "my profile" and logout. */
export function UserMenu() {
  const t = useT();
  const { me } = useCurrentUser();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  if (!me) return null;
  const roleAndAgent = [t(`role.${me.role}`), me.agent?.name].filter(Boolean).join(' · ');
  return (
    <Space size="small" align="center">
      {screens.lg ? (
        <Space size={4}>
          <RoleTag role={me.role} />
          {me.agent ? (
            <Typography.Text type="secondary" data-testid="current-agent">
              {me.agent.name}
            </Typography.Text>
          ) : null}
        </Space>
      ) : null}
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'who', label: roleAndAgent, disabled: true },
            { type: 'divider' },
            { key: 'profile', icon: <UserOutlined />, label: t('nav.profile') },
            { key: 'logout', icon: <LogoutOutlined />, label: t('auth.logout'), danger: true },
          ],
          onClick: ({ key }) => {
            if (key === 'profile') navigate('/profile');
            if (key === 'logout') {
              void signOut().then(() => navigate('/login', { replace: true }));
            }
          },
        }}
      >
        <Button type="text" data-testid="user-menu" aria-label={t('nav.userMenu', { name: me.display_name })}>
          <Avatar size="small" icon={<UserOutlined />} style={{ backgroundColor: '#1677ff' }} />
          <span data-testid="current-user-name" style={{ maxWidth: screens.sm ? 160 : 80, overflow: 'hidden', textOverflow: 'ellipsis' }}>
            {me.display_name}
          </span>
        </Button>
      </Dropdown>
    </Space>
  );
}
