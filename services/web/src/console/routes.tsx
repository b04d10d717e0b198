import { lazy, Suspense, type ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import { LoadingState } from '../ui/LoadingState';
import { PageLoading } from '../ui/PageLoading';

/** A console page in its own chunk: antd and the console's code never enter the portal's chunks. */
function consolePage(load: () => Promise<{ default: ComponentType }>, inShell = false) {
  const Page = lazy(load);
  // Inside the shell the page sits in the shell's <main>: its loading state is no second main.
  return (
    <Suspense fallback={inShell ? <LoadingState /> : <PageLoading />}>
      <Page />
    </Suspense>
  );
}

/** The staff console under /console; spread into the app's routes (src/app/routes.tsx). */
export const consoleRoutes: RouteObject[] = [
  { path: 'console/sign-in', element: consolePage(() => import('./sign-in/ConsoleSignInPage')) },
  {
    path: 'console',
    element: consolePage(() => import('./shell/ConsoleShell')),
    children: [
      { index: true, element: consolePage(() => import('./todo/TodoPage'), true) },
      { path: 'check-in', element: consolePage(() => import('./check-in/CheckInPage'), true) },
      { path: 'filing', element: consolePage(() => import('./filing/FilingPage'), true) },
      { path: 'plans', element: consolePage(() => import('./plans/PlansListPage'), true) },
      { path: 'plans/new', element: consolePage(() => import('./plans/PlanEditorPage'), true) },
      { path: 'plans/:id', element: consolePage(() => import('./plans/PlanPage'), true) },
      { path: 'plans/:id/edit', element: consolePage(() => import('./plans/PlanEditorPage'), true) },
      { path: 'plans/:id/change', element: consolePage(() => import('./changes/OpenDayChangePage'), true) },
      { path: 'department-feedback', element: consolePage(() => import('./department-feedback/DepartmentFeedbackPage'), true) },
      { path: 'feedback', element: consolePage(() => import('./feedback/FeedbackTriagePage'), true) },
      { path: 'survey', element: consolePage(() => import('./survey/SurveyPage'), true) },
      { path: 'survey/results', element: consolePage(() => import('./survey/SurveyResultsPage'), true) },
      { path: 'selection', element: consolePage(() => import('./selection/SelectionListPage'), true) },
      { path: 'selection/:openDayId', element: consolePage(() => import('./selection/OpenDaySelectionPage'), true) },
      { path: 'joint-review', element: consolePage(() => import('./selection/JointReviewPage'), true) },
      { path: 'statistics', element: consolePage(() => import('./statistics/StatisticsPage'), true) },
      { path: 'statistics/agencies/:agencyId', element: consolePage(() => import('./statistics/StatisticsPage'), true) },
      { path: 'statistics/open-days/:openDayId', element: consolePage(() => import('./statistics/OpenDayBoardPage'), true) },
      { path: 'calendar', element: consolePage(() => import('./calendar/CalendarPage'), true) },
      { path: 'flagged', element: consolePage(() => import('./flagged/FlaggedPage'), true) },
      { path: 'report', element: consolePage(() => import('./report/ReportPage'), true) },
      { path: 'audit', element: consolePage(() => import('./audit/AuditPage'), true) },
      { path: 'deliveries', element: consolePage(() => import('./deliveries/DeliveriesPage'), true) },
      { path: 'accounts', element: consolePage(() => import('./accounts/AccountsPage'), true) },
      { path: 'agencies', element: consolePage(() => import('./accounts/AgenciesPage'), true) },
      { path: 'districts', element: consolePage(() => import('./districts/DistrictsPage'), true) },
      { path: '*', element: consolePage(() => import('./shell/ConsoleNotFoundPage'), true) },
    ],
  },
];
