// From what happened to a submission to what its agency is told. Only ids,
// statuses, score and decision, public rule explanations and the agency's own
// externalId: the payload never carries identity, profile or internal notes.
import type { PublicRejectionReason } from '@hiring/domain';
import type { WebhookNotice } from './webhook-outbox.repository';

export interface SubmissionRef {
  agencyId: string;
  submissionId: string;
  externalId: string;
  requisitionId: string;
  /** The candidate behind the submission (the owner's, for a duplicate): used for erasure only, never sent. */
  candidateId: string | null;
}

/** The notice around a payload. Plain literals, no spreads: a notice is built per status change of a subscribed agency. */
function notice(s: SubmissionRef, type: WebhookNotice['type'], at: Date, data: Record<string, unknown>): WebhookNotice {
  const built: WebhookNotice = { agencyId: s.agencyId, orderKey: s.submissionId, submissionId: s.submissionId, occurredAt: at, type, data };
  if (s.candidateId) built.candidateId = s.candidateId;
  return built;
}

export function statusChangedNotice(s: SubmissionRef, previousStatus: string, status: string, at: Date): WebhookNotice {
  return notice(s, 'submission.status-changed', at, { submissionId: s.submissionId, externalId: s.externalId, requisitionId: s.requisitionId, previousStatus, status, changedAt: at.toISOString() });
}

/** Another agency owns the person: the agency learns that, not who or on which identifier. */
export function duplicateNotice(s: SubmissionRef, at: Date): WebhookNotice {
  return notice(s, 'submission.duplicate', at, { submissionId: s.submissionId, externalId: s.externalId, requisitionId: s.requisitionId, status: 'duplicate', detectedAt: at.toISOString() });
}

export function rejectedNotice(s: SubmissionRef, stage: 'screening' | 'scoring', reasons: readonly PublicRejectionReason[], at: Date): WebhookNotice {
  return notice(s, 'submission.rejected', at, { submissionId: s.submissionId, externalId: s.externalId, requisitionId: s.requisitionId, status: 'rejected', stage, reasons, rejectedAt: at.toISOString() });
}

export function scoredNotice(s: SubmissionRef, score: number, decision: string, at: Date): WebhookNotice {
  return notice(s, 'submission.scored', at, { submissionId: s.submissionId, externalId: s.externalId, requisitionId: s.requisitionId, score, decision, scoredAt: at.toISOString() });
}

/** A recorded rejection of a Kafka submission (apps/sourcing/src/rejections), as far as the webhook needs it. */
export interface DeadLetteredSubmission {
  /** The rejection's id: the same as in GET /v1/submissions/rejections. */
  id: string;
  agencyId: string;
  /** The agency's own id for what it sent, when the record had one. */
  externalId: string | null;
  /** The CloudEvent id the agency gave the record, when it had one. */
  eventId: string | null;
  reasonCode: string;
  reason: string;
  errors: readonly { path: string; message: string }[];
  rejectedAt: Date;
}

/**
 * A Kafka submission of the agency's that was dead-lettered, so it can fix
 * and resend. Not ordered with anything (there is no submission): its own key.
 */
export function deadLetteredNotice(d: DeadLetteredSubmission): WebhookNotice {
  return {
    agencyId: d.agencyId,
    orderKey: `rejection:${d.id}`,
    occurredAt: d.rejectedAt,
    type: 'submission.dead-lettered',
    data: { rejectionId: d.id, externalId: d.externalId, eventId: d.eventId, code: d.reasonCode, reason: d.reason, errors: d.errors, deadLetteredAt: d.rejectedAt.toISOString() },
  };
}
