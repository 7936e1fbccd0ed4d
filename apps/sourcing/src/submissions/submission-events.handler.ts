// The Kafka ingestion path: agencies produce signed `recruiting.submission.v1`
// events. The signature, checked with the claimed agency's own secret, is what
// binds an event to an agency: nobody can submit as another agency without
// that agency's secret. Accepted events go through the same use case as HTTP,
// so idempotency (agency + externalId) and duplicate rules are identical.
import { Injectable } from '@nestjs/common';
import { AGENCY_SIGNATURE_ATTRIBUTE, EVENT_TYPES, TOPICS, verifySubmissionSignature, type CloudEvent, type SubmissionEvent } from '@hiring/contracts';
import { ConsumeEvents, type ConsumedEvent } from '@hiring/messaging';
import { AgencyRepository } from '../agencies/agency.repository';
import type { AuthenticatedAgency } from '../agencies/authenticate-agency.service';
import { SourcingException, SourcingExceptionCode } from '../shared/sourcing.exception';
import type { SubmitCandidateDto } from './submission.dto';
import { SubmitCandidateService } from './submit-candidate.service';

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
    private readonly submitCandidate: SubmitCandidateService,
  ) {}

  /**
   * Each submission commits in its own transaction (the use case's, with its
   * duplicate-race retry); a redelivered event is a no-op by its externalId.
   * A failure throws, and the transport dead-letters that event alone.
   */
  @ConsumeEvents({ topic: TOPICS.submissions, types: [EVENT_TYPES.submission] })
  async handle(events: ConsumedEvent<SubmissionEvent>[]): Promise<void> {
    for (const event of events) {
      const agency = await this.authenticate(event);
      await this.submitCandidate.execute(agency, toSubmitCandidateDto(event.data), undefined, 'kafka');
    }
  }

  private async authenticate(event: ConsumedEvent<SubmissionEvent>): Promise<AuthenticatedAgency> {
    const envelope = event.envelope as CloudEvent<unknown> & Record<string, unknown>;
    const signature = envelope[AGENCY_SIGNATURE_ATTRIBUTE];
    const agency = await this.agencies.findById(event.data.agencyId);
    if (!agency || typeof signature !== 'string' || !verifySubmissionSignature(envelope.data, signature, agency.signingSecret)) {
      // Same answer for an unknown agency and a bad signature: no probing of agency ids.
      throw new SourcingException(
        SourcingExceptionCode.UNAUTHENTICATED_SUBMISSION,
        `Submission ${event.id}: the ${AGENCY_SIGNATURE_ATTRIBUTE} signature does not verify for agency ${event.data.agencyId}.`,
      );
    }
    return { id: agency.id, name: agency.name, keyId: 'kafka-signature' };
  }
}
