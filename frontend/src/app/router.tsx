import { createBrowserRouter } from 'react-router';
import AgentsPage from '../pages/agents';
import AnnouncementsPage from '../pages/announcements';
import ApplicationsPage from '../pages/applications';
import AuditPage from '../pages/audit';
import ForcedPasswordChangePage from '../pages/change-password';
import FollowupPage from '../pages/followup';
import HomePage from '../pages/home';
import ImportsPage from '../pages/imports';
import LoginPage from '../pages/login';
import NotFoundPage from '../pages/not-found';
import OutboxPage from '../pages/outbox';
import PeoplePage from '../pages/people';
import PoolPage from '../pages/pool';
import ProfilePage from '../pages/profile';
import RegisterPage from '../pages/register';
import ReviewPage from '../pages/review';
import RulesPage from '../pages/rules';
import CatalogsPage from '../pages/catalogs';
import SalesRecordsPage from '../pages/sales';
import SetPasswordPage from '../pages/set-password';
import ForecastPage from '../pages/forecast';
import StatsPage from '../pages/stats';
import TokensPage from '../pages/tokens';
import { PublicOnly, RequireArea, RequireSession } from './guards';
import { AppLayout } from './layout/AppLayout';
import { SessionRoot } from './SessionRoot';

export function createRouter() {
  return createBrowserRouter([
    {
      element: <SessionRoot />,
      children: [
        { element: <PublicOnly />, children: [{ path: '/login', element: <LoginPage /> }] },
        { path: '/set-password', element: <SetPasswordPage /> },
        {
          element: <RequireSession passwordChange />,
          children: [{ path: '/change-password', element: <ForcedPasswordChangePage /> }],
        },
        {
          element: <RequireSession />,
          children: [
            {
              element: <AppLayout />,
              children: [
                { path: '/', element: <HomePage /> },
                { path: '/profile', element: <ProfilePage /> },
                { path: '/customers/:id/followup', element: <FollowupPage /> },
                { element: <RequireArea area="register" />, children: [{ path: '/register', element: <RegisterPage /> }] },
                { element: <RequireArea area="pool" />, children: [{ path: '/pool', element: <PoolPage /> }] },
                {
                  element: <RequireArea area="applications" />,
                  children: [{ path: '/applications', element: <ApplicationsPage /> }],
                },
                { element: <RequireArea area="review" />, children: [{ path: '/review', element: <ReviewPage /> }] },
                { element: <RequireArea area="rules" />, children: [{ path: '/rules', element: <RulesPage /> }] },
                { element: <RequireArea area="catalogs" />, children: [{ path: '/catalogs', element: <CatalogsPage /> }] },
                { element: <RequireArea area="people" />, children: [{ path: '/people', element: <PeoplePage /> }] },
                { element: <RequireArea area="agents" />, children: [{ path: '/agents', element: <AgentsPage /> }] },
                { element: <RequireArea area="audit" />, children: [{ path: '/audit', element: <AuditPage /> }] },
                { element: <RequireArea area="outbox" />, children: [{ path: '/outbox', element: <OutboxPage /> }] },
                { path: '/customers/:id/orders', element: <SalesRecordsPage /> },
                { element: <RequireArea area="stats" />, children: [{ path: '/stats', element: <StatsPage /> }] },
                { element: <RequireArea area="forecast" />, children: [{ path: '/forecast', element: <ForecastPage /> }] },
                { element: <RequireArea area="tokens" />, children: [{ path: '/tokens', element: <TokensPage /> }] },
                { element: <RequireArea area="imports" />, children: [{ path: '/imports', element: <ImportsPage /> }] },
                {
                  element: <RequireArea area="announcements" />,
                  children: [{ path: '/announcements', element: <AnnouncementsPage /> }],
                },
                { path: '*', element: <NotFoundPage /> },
              ],
            },
          ],
        },
      ],
    },
  ]);
}
