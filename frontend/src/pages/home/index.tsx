import { ApartmentOutlined, AuditOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { Card, Col, Flex, Row, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Area } from '../../app/access';
import { useCurrentUser } from '../../app/auth';
import { RoleTag } from '../../components/RoleTag';
import { useT } from '../../locales/i18n';
import type { MessageKey } from '../../locales/i18n';

const SHORTCUTS: Partial<Record<Area, { icon: ReactNode; text: MessageKey }>> = {
  people: { icon: <TeamOutlined />, text: 'home.peopleText' },
  agents: { icon: <ApartmentOutlined />, text: 'home.agentsText' },
  audit: { icon: <AuditOutlined />, text: 'home.auditText' },
};

function Shortcut({ to, icon, title, text, testId }: { to: string; icon: ReactNode; title: string; text: string; testId: string }) {
  return (
    <Link to={to} data-testid={testId} style={{ display: 'block', height: '100%' }}>
      <Card hoverable style={{ height: '100%' }}>
        <Space align="start" size="middle">
          <span style={{ fontSize: 24, color: '#1677ff' }}>{icon}</span>
          <div>
            <Typography.Text strong>{title}</Typography.Text>
            <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
              {text}
            </Typography.Paragraph>
          </div>
        </Space>
      </Card>
    </Link>
  );
}

/** Welcome, and shortcuts to what the role may use. */
export default function HomePage() {
  const t = useT();
  const { me, access } = useCurrentUser();
  if (!me) return null;
  return (
    <>
      <Card style={{ marginBottom: 24 }}>
        <Flex vertical gap={8}>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="welcome">
            {t('home.welcome', { name: me.display_name })}
          </Typography.Title>
          <Space wrap size={[8, 4]}>
            <span data-testid="welcome-role">
              <RoleTag role={me.role} />
            </span>
            <Typography.Text type="secondary" data-testid="welcome-agent">
              {me.agent ? me.agent.name : t('home.vendorSide')}
            </Typography.Text>
          </Space>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t(`home.intro.${me.role}`)}
          </Typography.Paragraph>
        </Flex>
      </Card>
      <Typography.Title level={5}>{t('home.shortcuts')}</Typography.Title>
      <Row gutter={[16, 16]}>
        {access.menu
          .filter((entry) => SHORTCUTS[entry.key])
          .map((entry) => (
            <Col key={entry.key} xs={24} sm={12} xl={8}>
              <Shortcut
                to={entry.path}
                icon={SHORTCUTS[entry.key]!.icon}
                title={t(entry.label)}
                text={t(SHORTCUTS[entry.key]!.text)}
                testId={`shortcut-${entry.key}`}
              />
            </Col>
          ))}
        <Col xs={24} sm={12} xl={8}>
          <Shortcut to="/profile" icon={<UserOutlined />} title={t('nav.profile')} text={t('home.profileText')} testId="shortcut-profile" />
        </Col>
      </Row>
    </>
  );
}
