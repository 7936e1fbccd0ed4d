// What a dead-lettered Kafka submission tells its agency. Pure: reading the
// dead letter, and turning its reason into words the agency may see. Only
// reasons about the submission itself are explained; an internal failure is
// named as such without its details (they are for ops, not for the sender).
import type { DeadLetter } from '@hiring/messaging';
import { AGENCY_SIGNATURE_ATTRIBUTE } from '@hiring/contracts';

export interface FieldProblem {
  path: string;
  message: string;
}

/** Who a dead letter claims to come from, before its signature is checked. */
export interface RejectionClaim {
  agencyId: string;
  signature: string;
  /** The signed part of the envelope. */
  data: unknown;
  externalId: string | null;
  eventId: string | null;
  reasonCode: string;
  errors: FieldProblem[];
  /** `<dlq topic>/<partition>/<offset>` */
  deadLetter: string;
  rejectedAt: Date;
}

/** A rejection as recorded for its agency. */
export interface SubmissionRejection {
  id: string;
  agencyId: string;
  externalId: string | null;
  eventId: string | null;
  reasonCode: string;
  reason: string;
  errors: FieldProblem[];
  deadLetter: string;
  rejectedAt: Date;
}

/** A bad or missing signature proves nothing about who sent the record: never reported to anyone. */
export const UNATTRIBUTABLE_CODES: ReadonlySet<string> = new Set(['UNAUTHENTICATED_SUBMISSION', 'MALFORMED_JSON']);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const REASON_CODE = /^[A-Z][A-Z0-9_]{1,63}$/;

/** Reasons about the submission itself, in the agency's words; the field problems are shown with them. */
const EXPLAINED: Readonly<Record<string, string>> = {
  INVALID_ENVELOPE: 'The record is not a CloudEvents 1.0 envelope sourcing accepts.',
  UNKNOWN_TYPE: 'The event type is not in the catalogue.',
  UNEXPECTED_TYPE: `The event type is not one sourcing reads from this topic (send recruiting.submission.v1).`,
  INVALID_PAYLOAD: 'The submission does not match the recruiting.submission.v1 contract.',
  INVALID_SUBMISSION: 'The profile or the candidate identity is invalid.',
  INVALID_INPUT: 'The submission is invalid.',
  UNKNOWN_REQUISITION: 'The requisition does not exist.',
  REQUISITION_CLOSED: 'The requisition is closed.',
  IDEMPOTENCY_CONFLICT: 'This externalId was already used for a submission with a different body.',
};

const INTERNAL = 'Sourcing could not process the submission (an internal error, not a fault of the submission). Ops have the record and can replay it; you may also resend it.';

const MAX_ERRORS = 50;

/**
 * Reads who a dead letter claims to be from, or undefined when it cannot be
 * attributed at all (not JSON, no agency id, no signature, or refused for its
 * signature). A letter without its failure time is dated `now`.
 */
export function claimOfDeadLetter(letter: DeadLetter, now: Date): RejectionClaim | undefined {
  const reasonCode = letter.reason.split(':', 1)[0]?.trim() ?? '';
  if (!REASON_CODE.test(reasonCode) || UNATTRIBUTABLE_CODES.has(reasonCode)) return undefined;
  const envelope = parseObject(letter.value);
  const data = envelope?.['data'];
  const signature = envelope?.[AGENCY_SIGNATURE_ATTRIBUTE];
  if (!isObject(data) || typeof signature !== 'string') return undefined;
  const agencyId = data['agencyId'];
  if (typeof agencyId !== 'string' || !UUID.test(agencyId)) return undefined;
  return {
    agencyId: agencyId.toLowerCase(),
    signature,
    data,
    externalId: boundedString(data['externalId'], 128),
    eventId: boundedString(envelope?.['id'], 200),
    reasonCode,
    errors: letter.errors.slice(0, MAX_ERRORS).map((e) => ({ path: String(e.path).slice(0, 300), message: String(e.message).slice(0, 300) })),
    deadLetter: `${letter.dlqTopic}/${letter.partition}/${letter.offset}`,
    rejectedAt: validDate(letter.failedAt) ?? now,
  };
}

/** The reason the agency reads, and the field problems it may see (none for an internal failure). */
export function agencyReason(reasonCode: string, errors: readonly FieldProblem[]): { reason: string; errors: FieldProblem[] } {
  const explained = EXPLAINED[reasonCode];
  return explained ? { reason: explained, errors: [...errors] } : { reason: INTERNAL, errors: [] };
}

function parseObject(value: Buffer | null): Record<string, unknown> | undefined {
  if (!value) return undefined;
  try {
    const parsed: unknown = JSON.parse(value.toString('utf8'));
    return isObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function boundedString(value: unknown, max: number): string | null {
  return typeof value === 'string' && value.length >= 1 && value.length <= max ? value : null;
}

function validDate(text: string): Date | undefined {
  const d = new Date(text);
  return text && !Number.isNaN(d.getTime()) ? d : undefined;
}
