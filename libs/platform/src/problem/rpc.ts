import { RpcException } from '@nestjs/microservices';
// Not re-exported from the package root; what Nest's NATS client errors with when no one is subscribed.
import { EmptyResponseException } from '@nestjs/microservices/errors/empty-response.exception';
import { TimeoutError } from 'rxjs';
import { problem } from './catalogue';
import { isProblem, problemOf, ProblemException } from './problem';

/**
 * For a `@MessagePattern` handler: `throw toRpcProblem(err)`. Nest's RPC
 * exception handling sends an RpcException's object as the reply's `err`
 * (JSON over NATS) and the caller's observable errors with that plain object.
 * `ProblemFilter`, registered globally, does the same for anything thrown.
 */
export function toRpcProblem(error: unknown): RpcException {
  return new RpcException(problemOf(error));
}

/**
 * For the caller: what a `ClientProxy.send()` observable errored with, as a
 * ProblemException to rethrow. A service's problem comes back as it was sent
 * (same status, title, field errors); no service listening on the subject
 * is a 503; a reply that never came (pipe the call through rxjs `timeout()`)
 * is a 504; anything else (connection lost, Nest's own `{ status: 'error',
 * message }`) is a 502. The cause stays on the exception for the log, never in the body.
 */
export function fromRpcError(error: unknown): ProblemException {
  if (error instanceof ProblemException) return error;
  if (isProblem(error)) return new ProblemException(error);
  if (error instanceof EmptyResponseException) {
    return problem('service-unavailable', { detail: 'The service needed for this request is not running.', cause: error });
  }
  if (error instanceof TimeoutError) return problem('service-timeout', { detail: 'A downstream service did not answer in time.', cause: error });
  return problem('service-failed', { detail: 'A downstream service failed to answer.', cause: error });
}
