// The root of every route: restores the session once after a page load (refresh cookie),
// and tells the user when their session expired under them.
import { useEffect, useRef, useState } from 'react';
import { App, Button, Result } from 'antd';
import { Outlet } from 'react-router';
import { refreshSession, sessionStore } from '../api';
import { FullPageSpin } from '../components/FullPageSpin';
import { useT } from '../locales/i18n';
import { useSession } from './auth';
import { OfflineBanner } from './OfflineBanner';
import { ReloginModal } from './ReloginModal';

export function SessionRoot() {
  const session = useSession();
  const t = useT();
  const { message } = App.useApp();
  const [attempt, setAttempt] = useState(0);
  const [unreachable, setUnreachable] = useState(false);

  useEffect(() => {
    if (sessionStore.get().status !== 'unknown') return;
    let current = true;
    void refreshSession('none').then((result) => {
      if (current) setUnreachable(result === 'network');
    });
    return () => {
      current = false;
    };
  }, [attempt]);

  const toldExpired = useRef<object | null>(null);
  useEffect(() => {
    if (session.signOutReason === 'expired' && toldExpired.current !== session) {
      toldExpired.current = session; // once per expiry, not again when the language changes
      void message.warning({ content: t('session.expired'), key: 'session-expired' });
    }
  }, [session, message, t]);

  if (session.status === 'unknown') {
    if (unreachable) {
      return (
        <Result
          status="warning"
          title={t('error.unreachable')}
          subTitle={t('error.network')}
          extra={
            <Button
              type="primary"
              onClick={() => {
                setUnreachable(false);
                setAttempt((n) => n + 1);
              }}
            >
              {t('common.retry')}
            </Button>
          }
        />
      );
    }
    return <FullPageSpin />;
  }
  return (
    <>
      <OfflineBanner />
      <Outlet />
      {session.status === 'signed-in' ? <ReloginModal /> : null}
    </>
  );
}
