import type { Actor } from '@openday/contracts';
import { ProblemException } from '@openday/platform';

/** The request as authentication leaves it: `user` is the signed-in caller. */
export interface RequestWithActor {
  user?: Actor;
}

/**
 * PLACEHOLDER for the gateway's authentication, which another engineer is
 * building (../access): the caller is whatever the access guard put on
 * `request.user` for an operation declared with @Access(...). No caller →
 * 401 problem+json. To be replaced by the auth work's CurrentActor.
 *
 * There is deliberately no test-only header here: the access guard runs
 * before any handler and answers 401 to a protected operation without a
 * bearer token, so a header read at this point could never be reached, and
 * an authentication bypass in production code is a liability. The
 * end-to-end tests sign in with the demo accounts instead.
 */
export function actorOf(request: RequestWithActor): Actor {
  if (request.user) return request.user;
  throw new ProblemException({ status: 401, detail: 'Sign in to do this.' });
}
