import { lazy, Suspense, type ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { accountRoutes } from '../account/routes';
import { consoleRoutes } from '../console/routes';
import { PageLoading } from '../ui/PageLoading';
import { NotFoundPage } from './NotFoundPage';
import { RouteError } from './RouteError';

/** A page in its own chunk, shown with a loading state while the chunk arrives. */
export function lazyPage(load: () => Promise<{ default: ComponentType }>) {
  const Page = lazy(load);
  return (
    <Suspense fallback={<PageLoading />}>
      <Page />
    </Suspense>
  );
}

const publicRoutes: RouteObject[] = [
  { index: true, element: lazyPage(() => import('../open-days/list/OpenDayListPage')) },
  { path: 'open-days/:id', element: lazyPage(() => import('../open-days/detail/OpenDayPage')) },
  { path: 'open-days/:id/public-notice', element: lazyPage(() => import('../public-notice/PublicNoticePage')) },
  { path: 'lottery-verification', element: lazyPage(() => import('../lottery/LotteryVerificationPage')) },
  { path: 'sign-in', element: lazyPage(() => import('../sign-in/SignInPage')) },
];

export const routes: RouteObject[] = [
  {
    path: '/',
    errorElement: <RouteError />,
    children: [...publicRoutes, ...accountRoutes, ...consoleRoutes, { path: '*', element: <NotFoundPage /> }],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
