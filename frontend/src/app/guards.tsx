// Route guards: signed in or not, the forced password change, and what the role may see.
import { Button, Result } from 'antd';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { ErrorResult } from '../components/ErrorResult';
import { FullPageSpin } from '../components/FullPageSpin';
import { useT } from '../locales/i18n';
import { canSee, type Area } from './access';
import { useCurrentUser, useMe, useSession } from './auth';

export interface FromState {
  from?: string;
}

/** Signed-in screens. With `passwordChange`, only the forced change-password page. */
export function RequireSession({ passwordChange = false }: { passwordChange?: boolean }) {
  const session = useSession();
  const location = useLocation();
  const me = useMe();
  if (session.status !== 'signed-in') {
    const state: FromState | undefined =
      session.signOutReason === 'expired' ? { from: location.pathname + location.search } : undefined;
    return <Navigate to="/login" replace state={state} />;
  }
  // The session (from the last token answer, or a 403 password_change_required) decides.
  if (session.mustChangePassword && !passwordChange) return <Navigate to="/change-password" replace />;
  if (!session.mustChangePassword && passwordChange) return <Navigate to="/" replace />;
  if (me.isPending) return <FullPageSpin />;
  if (me.isError) return <ErrorResult error={me.error} onRetry={() => void me.refetch()} />;
  return <Outlet />;
}

/** Login page: a signed-in user goes on to where they came from (or their start page). */
export function PublicOnly() {
  const session = useSession();
  const location = useLocation();
  if (session.status === 'signed-in') {
    const from = (location.state as FromState | null)?.from;
    return <Navigate to={from && from.startsWith('/') ? from : '/start'} replace />;
  }
  return <Outlet />;
}

export function NoAccess() {
  const t = useT();
  return (
    <Result
      status="403"
      title={t('noAccess.title')}
      subTitle={t('noAccess.text')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}

/** A screen only some roles may use (access.ts). */
export function RequireArea({ area }: { area: Area }) {
  const { access } = useCurrentUser();
  return canSee(access, area) ? <Outlet /> : <NoAccess />;
}

/** Where signing in lands: the role's start page (the vendor's desk, everyone else's home). */
export function StartPage() {
  const { access } = useCurrentUser();
  return <Navigate to={access.startPath} replace />;
}
