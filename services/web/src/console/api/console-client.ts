import createClient from 'openapi-fetch';
import type { paths } from '../../api/schema';
import { sessionMiddleware } from '../../api/session-middleware';
import { getStaffSession, setStaffSession } from './staff-session';

export { ApiError, problemMessage, problemOf, unwrap, type Problem } from '../../api/client';

/** The console's typed client: the staff member's token only, never a citizen's. */
export const consoleApi = createClient<paths>({ baseUrl: '' });
consoleApi.use(
  sessionMiddleware(
    {
      get: getStaffSession,
      renew: (session, answer) =>
        setStaffSession({ ...session, accessToken: answer.accessToken, refreshToken: answer.refreshToken, actor: answer.actor ?? session.actor }),
      forget: () => setStaffSession(null),
    },
    { retrySignedOut: false },
  ),
);
