// Every HTTP error leaves as RFC 9457 problem+json, so agencies get one error
// shape: a stable `type`, a human `detail`, and for bad input the field paths.
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response, Request } from 'express';

export interface FieldError {
  path: string;
  message: string;
}

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

/** Thrown by adapters to answer with a specific problem type and extension members. */
export class ProblemException extends HttpException {
  constructor(problem: ProblemDetails) {
    super(problem, problem.status);
  }
}

const PROBLEM_BASE = 'https://hiring.local/problems/';

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
function bodyParserError(exception: unknown): ProblemDetails | undefined {
  if (typeof exception !== 'object' || exception === null) return undefined;
  const { status, type, message } = exception as { status?: unknown; type?: unknown; message?: unknown };
  if (typeof status !== 'number' || status < 400 || status >= 500 || typeof type !== 'string') return undefined;
  const detail =
    type === 'entity.too.large'
      ? 'The request body is larger than this service accepts.'
      : type === 'entity.parse.failed'
        ? `The request body is not valid JSON: ${String(message)}`
        : String(message);
  return { type: PROBLEM_BASE + type.replace(/\./g, '-'), title: HttpStatus[status]?.toLowerCase().replace(/_/g, ' ') ?? 'Bad request', status, detail };
}

@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const res = http.getResponse<Response>();
    const req = http.getRequest<Request>();
    let problem: ProblemDetails;
    const clientError = bodyParserError(exception);
    if (exception instanceof HttpException) {
      problem = fromHttpException(exception);
    } else if (clientError) {
      problem = clientError;
    } else {
      // Never leak internals: log them, answer with a generic problem.
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
      problem = { type: PROBLEM_BASE + 'internal', title: 'Internal error', status: 500, detail: 'An unexpected error occurred.' };
    }
    res
      .status(problem.status)
      .type('application/problem+json')
      .json({ ...problem, instance: problem.instance ?? req.originalUrl });
  }
}

export function validationProblem(errors: FieldError[], detail = 'The request is invalid.'): ProblemException {
  return new ProblemException({ type: PROBLEM_BASE + 'validation', title: 'Invalid request', status: 400, detail, errors });
}
