import { STATUS_CODES } from 'node:http';
import { HttpException, HttpStatus } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { problemEntry, type ProblemCode } from '@openday/contracts';
import { isDatabaseUnreachable } from '@openday/messaging';

/** One failed rule on one input field; `field` is a dotted path such as `members[2].idNumber`. */
export interface FieldProblem {
  field: string;
  rule: string;
  message: string;
}

/** RFC 9457 problem details, as they travel between services (over NATS request/reply too). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldProblem[];
}

/** The HTTP body: the problem plus where it happened and in which request (`application/problem+json`). */
export interface HttpProblem extends Problem {
  instance: string;
  correlationId?: string;
}

export interface ProblemInit {
  status: number;
  /** Defaults to the status phrase, which RFC 9457 expects with the default `type` `about:blank`. */
  title?: string;
  detail?: string;
  /** A URI naming the kind of problem, for domain errors a client is meant to tell apart. */
  type?: string;
  errors?: FieldProblem[];
}

/** A domain error thrown by service code; the problem filter answers it as problem+json over HTTP or as the problem over NATS. */
export class ProblemException extends HttpException {
  readonly problem: Problem;

  constructor(init: ProblemInit, options?: { cause?: unknown }) {
    const problem: Problem = {
      type: init.type ?? 'about:blank',
      title: init.title ?? statusPhrase(init.status),
      status: init.status,
      ...(init.detail === undefined ? {} : { detail: init.detail }),
      ...(init.errors === undefined ? {} : { errors: init.errors }),
    };
    super(problem, init.status, options);
    this.problem = problem;
    this.message = problem.detail ? `${problem.title}: ${problem.detail}` : problem.title;
  }
}

export function isProblem(value: unknown): value is Problem {
  const candidate = value as Partial<Problem> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.type === 'string' &&
    typeof candidate.title === 'string' &&
    Number.isInteger(candidate.status) &&
    candidate.status! >= 400 &&
    candidate.status! <= 599
  );
}

/**
 * The problem to answer any thrown value with. Anything that is not an
 * HttpException (or a problem sent back by another service) is an internal
 * error: it gets a generic 500 whose detail reveals nothing; the caller logs it. A database
 * that cannot be reached (restart, failover) is a 503: the same request will succeed shortly.
 */
export function problemOf(exception: unknown): Problem {
  if (exception instanceof ProblemException) return exception.problem;
  if (exception instanceof RpcException && isProblem(exception.getError())) return exception.getError() as Problem;
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    return { type: 'about:blank', title: statusPhrase(status), status, detail: detailOf(exception) };
  }
  if (isDatabaseUnreachable(exception)) {
    return catalogued('service-unavailable', 'The service cannot reach its database just now; try again in a moment.');
  }
  return catalogued('internal-error', 'An unexpected error occurred. Quote the correlation id when reporting it.');
}

function catalogued(code: ProblemCode, detail: string): Problem {
  const { type, title, status } = problemEntry(code);
  return { type, title, status, detail };
}

function detailOf(exception: HttpException): string {
  // Nest turns body-parser failures into HttpExceptions carrying the parser's own message.
  if (exception.cause instanceof SyntaxError) return 'The request body is not valid JSON.';
  if (exception.getStatus() === HttpStatus.PAYLOAD_TOO_LARGE) return 'The request body is too large.';
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : exception.message;
}

function statusPhrase(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}
