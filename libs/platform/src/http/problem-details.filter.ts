// Every HTTP error leaves as RFC 9457 problem+json, so agencies get one error
// shape: a stable `type`, a human `detail`, and for bad input the field paths.
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response, Request } from 'express';
import { jsonErrorMessage } from '@hiring/contracts';
import { mappedError, mappedProblem } from '../errors/mapped-error';
import { PROBLEM_BASE, type FieldError, type ProblemDetails } from './problem-details';

export * from './problem-details';

/** Thrown by adapters to answer with a specific problem type and extension members. */
export class ProblemException extends HttpException {
  /** Seconds for the `Retry-After` header (429 and 503). */
  readonly retryAfterSeconds?: number;

  constructor(problem: ProblemDetails, options: { retryAfterSeconds?: number } = {}) {
    super(problem, problem.status);
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export function unauthorizedProblem(detail: string): ProblemException {
  return new ProblemException({ type: PROBLEM_BASE + 'unauthorized', title: 'Unauthorized', status: 401, detail });
}

/** When a 429 or 503 does not say, how long a client should wait (seconds). */
const DEFAULT_RETRY_AFTER: Record<number, number> = { 429: 60, 503: 5 };

export function tooManyRequestsProblem(detail: string, retryAfterSeconds: number): ProblemException {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  return new ProblemException({ type: PROBLEM_BASE + 'too-many-requests', title: 'Too many requests', status: 429, detail }, { retryAfterSeconds: seconds });
}

/**
 * Errors that mean the database cannot be reached right now (refused, reset,
 * shut down, pool timeout), as opposed to a query that is wrong. pg reports
 * them as Node socket errors, SQLSTATE class 08 / 57P0x, or plain messages.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (typeof current === 'object' && current !== null && !seen.has(current)) {
    seen.add(current);
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', '57P01', '57P02', '57P03', '53300'].includes(code) || code.startsWith('08'))) return true;
    if (typeof message === 'string' && /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection terminated unexpectedly|connect ECONNREFUSED|the database system is (starting up|shutting down)/i.test(message)) return true;
    const next = current as { driverError?: unknown; cause?: unknown };
    current = next.driverError ?? next.cause;
  }
  return false;
}

/** Writes a problem+json answer directly (for middleware that runs before Nest's filters). */
export function sendProblem(res: Response, req: Request, problem: ProblemDetails, retryAfterSeconds?: number): void {
  const wait = retryAfterSeconds ?? (res.getHeader('Retry-After') === undefined ? DEFAULT_RETRY_AFTER[problem.status] : undefined);
  if (wait !== undefined) res.setHeader('Retry-After', String(wait));
  res
    .status(problem.status)
    .type('application/problem+json')
    .json({ ...problem, instance: problem.instance ?? req.originalUrl });
}

function fromHttpException(exception: HttpException): ProblemDetails {
  const status = exception.getStatus();
  const body = exception.getResponse();
  if (typeof body === 'object' && body !== null && 'type' in body && 'title' in body) {
    return body as ProblemDetails;
  }
  const message =
    typeof body === 'string'
      ? body
      : Array.isArray((body as { message?: unknown }).message)
        ? ((body as { message: string[] }).message).join('; ')
        : String((body as { message?: unknown }).message ?? exception.message);
  const title = HttpStatus[status]?.toLowerCase().replace(/_/g, '-') ?? 'error';
  return { type: PROBLEM_BASE + title, title: exception.name.replace(/Exception$/, '') || title, status, detail: message };
}

/**
 * Errors raised by the body parser before any route runs (too large, malformed
 * JSON, bad charset) carry a 4xx `status` and a stable `type`; they are the
 * client's mistake and must not look like a server fault.
 */
export function bodyParserError(exception: unknown, tooLargeHint?: string): ProblemDetails | undefined {
  if (typeof exception !== 'object' || exception === null) return undefined;
  const { status, type, message, limit, body } = exception as { status?: unknown; type?: unknown; message?: unknown; limit?: unknown; body?: unknown };
  if (typeof status !== 'number' || status < 400 || status >= 500 || typeof type !== 'string') return undefined;
  const title = HttpStatus[status]?.toLowerCase().replace(/_/g, ' ') ?? 'Bad request';
  if (type === 'entity.too.large') {
    const bytes = typeof limit === 'number' ? limit : undefined;
    const detail = `The request body is larger than ${bytes === undefined ? 'this service accepts' : `the ${bytes} bytes this service accepts`}.${tooLargeHint ? ` ${tooLargeHint}` : ''}`;
    return { type: PROBLEM_BASE + 'entity-too-large', title, status, detail, ...(bytes === undefined ? {} : { limitBytes: bytes }) };
  }
  // The parser's own message quotes the body, which may be a person's profile,
  // and problems are logged: say where and what kind of error, not the text.
  const detail =
    type === 'entity.parse.failed'
      ? `The request body is ${jsonErrorMessage(exception, typeof body === 'string' ? body.length : 0)}.`
      : String(message);
  return { type: PROBLEM_BASE + type.replace(/\./g, '-'), title, status, detail };
}

/** What a service adds to the 413 answer, e.g. its bulk limits in items and bytes. */
export interface ProblemDetailsOptions {
  tooLargeHint?: string;
}

@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  constructor(private readonly options: ProblemDetailsOptions = {}) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const res = http.getResponse<Response>();
    const req = http.getRequest<Request>();
    let problem: ProblemDetails;
    let retryAfterSeconds: number | undefined;
    const clientError = bodyParserError(exception, this.options.tooLargeHint);
    const mapped = mappedError(exception);
    if (exception instanceof HttpException) {
      problem = fromHttpException(exception);
      if (exception instanceof ProblemException) retryAfterSeconds = exception.retryAfterSeconds;
      if (problem.status === 429 && !(exception instanceof ProblemException)) {
        // e.g. a library's throttler: its message names the exception class, not the situation.
        problem = { type: PROBLEM_BASE + 'too-many-requests', title: 'Too many requests', status: 429, detail: 'Too many requests: slow down and retry after the time in Retry-After.' };
      }
    } else if (mapped) {
      problem = mappedProblem(mapped, PROBLEM_BASE);
      if (problem.status === 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    } else if (clientError) {
      problem = clientError;
    } else if (isDatabaseUnavailable(exception)) {
      // Like /health/ready says at the same moment: come back shortly, nothing was done.
      this.logger.warn(`database unavailable: ${exception instanceof Error ? exception.message : String(exception)}`);
      problem = { type: PROBLEM_BASE + 'unavailable', title: 'Service unavailable', status: 503, detail: 'The database is unavailable at the moment; nothing was changed. Retry after the time in Retry-After.' };
    } else {
      // Never leak internals: log them, answer with a generic problem.
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
      problem = { type: PROBLEM_BASE + 'internal', title: 'Internal error', status: 500, detail: 'An unexpected error occurred.' };
    }
    sendProblem(res, req, problem, retryAfterSeconds);
  }
}

export function validationProblem(errors: FieldError[], detail = 'The request is invalid.'): ProblemException {
  return new ProblemException({ type: PROBLEM_BASE + 'validation', title: 'Invalid request', status: 400, detail, errors });
}
