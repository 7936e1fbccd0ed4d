// The Kafka ingestion path: agencies produce signed `recruiting.submission.v1`
// events. The signature, checked with the claimed agency's own secret, is what
// binds an event to an agency: nobody can submit as another agency without
// that agency's secret. Accepted events go through the same use case as HTTP,
// so idempotency (agency + externalId) and duplicate rules are identical.
import { Injectable } from '@nestjs/common';
import { AGENCY_SIGNATURE_ATTRIBUTE, EVENT_TYPES, TOPICS, submissionCanonicalForms, verifyCanonicalSignature, type CloudEvent, type SubmissionEvent } from '@hiring/contracts';
import { ConsumeEvents, type ConsumedEvent } from '@hiring/messaging';
import type { AgencyEntity } from '../agencies/agency.entity';
import { AgencyRepository } from '../agencies/agency.repository';
import type { AuthenticatedAgency } from '../agencies/authenticate-agency.service';
import { sha256Hex } from '../shared/canonical-hash';
import { SourcingException, SourcingExceptionCode } from '../shared/sourcing.exception';
import type { SubmitCandidateDto } from './submission.dto';
import { validateSubmissionItem } from './submission-input';
import { SubmissionIntakeService, type IntakeItem } from './submission-intake.service';

export function toSubmitCandidateDto(data: SubmissionEvent): SubmitCandidateDto {
  return {
    externalId: data.externalId,
    requisitionId: data.requisitionId,
    candidate: { ...data.candidate },
    profile: { ...data.profile } as unknown as Record<string, unknown>,
  };
}

@Injectable()
export class SubmissionEventsHandler {
  constructor(
    private readonly agencies: AgencyRepository,
    private readonly intake: SubmissionIntakeService,
  ) {}

  /**
   * A consumed chunk is authenticated with one agency lookup and submitted
   * through the intake as one chunk (its own transaction, with the
   * duplicate-race handling); a redelivered event is a replay by its
   * externalId. If any event is refused (bad signature, invalid, unknown
   * requisition, ...), the good ones are committed first and then the chunk
   * fails: the transport retries each event alone, the good ones replay, and
   * only the refused one is dead-lettered, with its own reason.
   */
  @ConsumeEvents({ topic: TOPICS.submissions, types: [EVENT_TYPES.submission] })
  async handle(events: ConsumedEvent<SubmissionEvent>[]): Promise<void> {
    const agencies = new Map((await this.agencies.findByIds(events.map((e) => e.data.agencyId))).map((a) => [a.id, a]));
    const refused: SourcingException[] = [];
    const items: IntakeItem[] = [];
    for (const event of events) {
      // The profile is serialised once for both the signature and the idempotency hash.
      const canonical = submissionCanonicalForms((event.envelope as CloudEvent<SubmissionEvent>).data);
      const agency = authenticate(event, canonical.signed, agencies.get(event.data.agencyId));
      if (agency instanceof SourcingException) {
        refused.push(agency);
        continue;
      }
      // The same item check as HTTP (NUL and invalid text per field, strict DTO rules, trimmed email).
      const checked = validateSubmissionItem(toSubmitCandidateDto(event.data), 0);
      if (checked.ok) items.push({ agency, input: checked.value, channel: 'kafka', requestHash: sha256Hex(canonical.body) });
      else refused.push(new SourcingException(SourcingExceptionCode.INVALID_SUBMISSION, `Submission ${event.id} is invalid.`, checked.errors));
    }
    const results = await this.intake.submitAll(items);
    for (const r of results) if (!r.ok) refused.push(r.error);
    if (refused[0]) throw refused[0];
  }
}

function authenticate(event: ConsumedEvent<SubmissionEvent>, signedData: string, agency: AgencyEntity | undefined): AuthenticatedAgency | SourcingException {
  const envelope = event.envelope as CloudEvent<unknown> & Record<string, unknown>;
  const signature = envelope[AGENCY_SIGNATURE_ATTRIBUTE];
  if (!agency || typeof signature !== 'string' || !verifyCanonicalSignature(signedData, signature, agency.signingSecret)) {
    // Same answer for an unknown agency and a bad signature: no probing of agency ids.
    return new SourcingException(
      SourcingExceptionCode.UNAUTHENTICATED_SUBMISSION,
      `Submission ${event.id}: the ${AGENCY_SIGNATURE_ATTRIBUTE} signature does not verify for agency ${event.data.agencyId}.`,
    );
  }
  return { id: agency.id, name: agency.name, keyId: 'kafka-signature' };
}
