import { Alert, App, Button, Flex } from 'antd';
import { useNavigate } from 'react-router';
import { useCurrentUser, useSignOut } from '../../app/auth';
import { ChangePasswordForm } from '../../components/ChangePasswordForm';
import { useT } from '../../locales/i18n';
import { AuthCard } from '../AuthCard';

/** After signing in with a one-time password: choose an own password before anything else. */
export default function ForcedPasswordChangePage() {
  const t = useT();
  const { me } = useCurrentUser();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const { message } = App.useApp();
  if (!me) return null;
  return (
    <AuthCard title={t('forced.title')} width={520}>
      <Alert type="info" showIcon title={t('forced.text', { name: me.display_name })} style={{ marginBottom: 16 }} />
      <ChangePasswordForm
        username={me.username}
        currentLabel={t('forced.current')}
        submitLabel={t('forced.submit')}
        autoFocus
        onDone={() => {
          void message.success(t('password.changed'));
          navigate('/', { replace: true });
        }}
      />
      <Flex justify="flex-end">
        <Button type="link" onClick={() => void signOut().then(() => navigate('/login', { replace: true }))}>
          {t('auth.logout')}
        </Button>
      </Flex>
    </AuthCard>
  );
}
