import { App, Card, Col, Descriptions, Row } from 'antd';
import { useCurrentUser } from '../../app/auth';
import { ChangePasswordForm } from '../../components/ChangePasswordForm';
import { formatTime } from '../../lib/format';
import { PageHeader } from '../../components/PageHeader';
import { RoleTag } from '../../components/RoleTag';
import { useT } from '../../locales/i18n';
import { EmailPrefsForm } from './EmailPrefsForm';
import { ProfileForm } from './ProfileForm';

/** 我的资料: own details, password and email preferences. */
export default function ProfilePage() {
  const t = useT();
  const { me } = useCurrentUser();
  const { message } = App.useApp();
  if (!me) return null;
  return (
    <>
      <PageHeader title={t('nav.profile')} />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
          <Descriptions.Item label={t('user.username')}>{me.username}</Descriptions.Item>
          <Descriptions.Item label={t('user.role')}>
            <RoleTag role={me.role} />
          </Descriptions.Item>
          <Descriptions.Item label={t('user.agent')}>{me.agent?.name ?? t('people.vendorStaff')}</Descriptions.Item>
          <Descriptions.Item label={t('user.lastLogin')}>{formatTime(me.last_login_at)}</Descriptions.Item>
          <Descriptions.Item label={t('common.createdAt')}>{formatTime(me.created_at)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('profile.details')}>
            <ProfileForm me={me} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('password.change')}>
            <ChangePasswordForm username={me.username} onDone={() => void message.success(t('password.changed'))} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('mail.prefs.title')}>
            <EmailPrefsForm me={me} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
