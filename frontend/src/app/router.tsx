import type { ComponentType } from 'react';
import { createBrowserRouter } from 'react-router';
import ForcedPasswordChangePage from '../pages/change-password';
import HomePage from '../pages/home';
import LoginPage from '../pages/login';
import NotFoundPage from '../pages/not-found';
import SetPasswordPage from '../pages/set-password';
import type { Area } from './access';
import { PublicOnly, RequireArea, RequireSession } from './guards';
import { AppLayout } from './layout/AppLayout';
import { page } from './lazyPage';
import { RouteError } from './RouteError';
import { SessionRoot } from './SessionRoot';

type ScreenModule = () => Promise<{ default: ComponentType }>;

/** A screen only the roles with this area see (the guard turns the others away). */
function restricted(area: Area, path: string, load: ScreenModule) {
  return { element: <RequireArea area={area} />, children: [{ path, lazy: page(load) }] };
}

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
                {
                  errorElement: <RouteError />,
                  children: [
                    { path: '/', element: <HomePage /> },
                    { path: '/profile', lazy: page(() => import('../pages/profile')) },
                    { path: '/customers/:id/followup', lazy: page(() => import('../pages/followup')) },
                    restricted('register', '/register', () => import('../pages/register')),
                    restricted('pool', '/pool', () => import('../pages/pool')),
                    restricted('applications', '/applications', () => import('../pages/applications')),
                    restricted('review', '/review', () => import('../pages/review')),
                    restricted('rules', '/rules', () => import('../pages/rules')),
                    restricted('catalogs', '/catalogs', () => import('../pages/catalogs')),
                    restricted('people', '/people', () => import('../pages/people')),
                    restricted('agents', '/agents', () => import('../pages/agents')),
                    restricted('audit', '/audit', () => import('../pages/audit')),
                    restricted('outbox', '/outbox', () => import('../pages/outbox')),
                    { path: '/customers/:id/orders', lazy: page(() => import('../pages/sales')) },
                    restricted('stats', '/stats', () => import('../pages/stats')),
                    restricted('forecast', '/forecast', () => import('../pages/forecast')),
                    restricted('scorecard', '/scorecard', () => import('../pages/scorecard')),
                    restricted('tokens', '/tokens', () => import('../pages/tokens')),
                    restricted('imports', '/imports', () => import('../pages/imports')),
                    restricted('announcements', '/announcements', () => import('../pages/announcements')),
                    { path: '*', element: <NotFoundPage /> },
                  ],
                },
              ],
            },
          ],
        },
      ],
    },
  ]);
}
