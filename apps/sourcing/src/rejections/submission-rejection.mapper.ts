import type { SubmissionRejection } from './submission-rejection';
import type { SubmissionRejectionResponse } from './submission-rejection.dto';

/** What the agency sees: never the dead letter's place (that is for ops). */
export function toRejectionResponse(r: SubmissionRejection): SubmissionRejectionResponse {
  return {
    rejectionId: r.id,
    ...(r.externalId !== null ? { externalId: r.externalId } : {}),
    ...(r.eventId !== null ? { eventId: r.eventId } : {}),
    reasonCode: r.reasonCode,
    reason: r.reason,
    errors: r.errors,
    rejectedAt: r.rejectedAt.toISOString(),
  };
}
