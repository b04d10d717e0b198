import { lazy, Suspense, type ComponentType } from 'react';
import { Navigate, type RouteObject } from 'react-router';
import { RequireSignIn } from '../auth/session';
import { LoadingState } from '../ui/LoadingState';

/** A signed-in page in its own chunk: anyone else goes to sign in and comes back. */
function signedInPage(load: () => Promise<{ default: ComponentType }>) {
  const Page = lazy(load);
  return (
    <RequireSignIn>
      <Suspense fallback={<LoadingState />}>
        <Page />
      </Suspense>
    </RequireSignIn>
  );
}

export const accountRoutes: RouteObject[] = [
  { path: 'open-days/:id/apply', element: signedInPage(() => import('./apply/ApplyPage')) },
  { path: 'open-days/:id/apply/received/:applicationId', element: signedInPage(() => import('./apply/ReceivedPage')) },
  { path: 'me', element: signedInPage(() => import('./me/MePage')) },
  { path: 'me/applications', element: signedInPage(() => import('./applications/MyApplicationsPage')) },
  { path: 'me/applications/:applicationId', element: signedInPage(() => import('./timeline/ApplicationTimelinePage')) },
  { path: 'me/tickets', element: signedInPage(() => import('./ticket/TicketsPage')) },
  { path: 'me/tickets/:ticketId', element: signedInPage(() => import('./ticket/TicketPage')) },
  { path: 'me/messages', element: signedInPage(() => import('./inbox/InboxPage')) },
  { path: 'me/feedback', element: signedInPage(() => import('./feedback/MyFeedbackPage')) },
  { path: 'me/data', element: signedInPage(() => import('./personal-data/MyDataPage')) },
  { path: 'me/open-days/:openDayId/opinion', element: signedInPage(() => import('./feedback/GiveOpinionPage')) },
  { path: 'me/open-days/:openDayId/survey', element: signedInPage(() => import('./feedback/SurveyPage')) },
  // The tab bar's first paths for these pages; kept so a saved link still lands.
  { path: 'my/applications', element: <Navigate to="/me/applications" replace /> },
  { path: 'my/inbox', element: <Navigate to="/me/messages" replace /> },
];
