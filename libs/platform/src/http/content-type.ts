// Bodies are JSON (NDJSON on the bulk route). Anything else used to reach the
// validation pipe as an empty body and come back as "externalId is missing",
// which sends a client looking in the wrong place: a 415 names what we accept.
import type { NextFunction, Request, Response } from 'express';
import { PROBLEM_BASE, sendProblem } from './problem-details.filter';

export const ACCEPTED_BODY_TYPES = ['application/json', 'application/*+json', 'application/x-ndjson'];

/** The media type of a Content-Type header, lowercased, without parameters. */
export function mediaType(header: string | undefined): string | undefined {
  const type = header?.split(';')[0]?.trim().toLowerCase();
  return type ? type : undefined;
}

export function isAcceptedBodyType(type: string | undefined): boolean {
  if (type === undefined) return false;
  return type === 'application/json' || type === 'application/x-ndjson' || /^application\/[a-z0-9.!#$&^_-]+\+json$/.test(type);
}

function hasBody(req: Request): boolean {
  if (req.headers['transfer-encoding'] !== undefined) return true;
  const length = req.headers['content-length'];
  return length !== undefined && length !== '0';
}

/** Express middleware: a request that carries a body of another type is a 415 problem naming the accepted types. */
export function requireJsonBodies(req: Request, res: Response, next: NextFunction): void {
  if (!hasBody(req) || isAcceptedBodyType(mediaType(req.headers['content-type']))) {
    next();
    return;
  }
  const given = mediaType(req.headers['content-type']) ?? 'none';
  sendProblem(res, req, {
    type: PROBLEM_BASE + 'unsupported-media-type',
    title: 'Unsupported media type',
    status: 415,
    detail: `Request bodies must be ${ACCEPTED_BODY_TYPES.join(', ')} (NDJSON on bulk routes only); this one is ${given}.`,
    accepted: ACCEPTED_BODY_TYPES,
  });
}
