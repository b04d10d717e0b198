import type { Actor } from '@openday/contracts';
import { ProblemException } from '@openday/platform';

/** The request as authentication leaves it: `user` is the signed-in caller. */
export interface RequestWithActor {
  user?: Actor;
}

/**
 * PLACEHOLDER for the gateway's authentication, which another engineer is
 * building: the caller is whatever the access guard put on `request.user`
 * (the guard in ../access now does, for operations declared @Access('citizen')).
 * No caller → 401 problem+json. Replace with the auth work's CurrentActor.
 */
export function actorOf(request: RequestWithActor): Actor {
  if (request.user) return request.user;
  throw new ProblemException({ status: 401, detail: 'Sign in to do this.' });
}
