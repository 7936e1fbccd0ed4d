// Agencies that produce `recruiting.submission.v1` to Kafka sign each event.
// The signature, checked with the claimed agency's own secret, is what binds
// an event to an agency: nobody can submit as another agency without that
// agency's secret. Accepted events go through the same intake as HTTP, so
// idempotency (agency + externalId) and duplicate rules are identical.
import { Injectable } from '@nestjs/common';
import { AGENCY_SIGNATURE_ATTRIBUTE, submissionCanonicalForms, verifyCanonicalSignature, type SubmissionEvent } from '@hiring/contracts';
import type { SigningAgency } from '../agencies/agency';
import { AgencyRepository } from '../agencies/agency.repository';
import { IdentifierIndex } from '../personal-data/identifier-index';
import type { AuthenticatedAgency } from '../agencies/authenticate-agency.service';
import { SourcingException, SourcingExceptionCode } from '../shared/sourcing.exception';
import type { SubmitCandidateDto } from './submission.dto';
import { validateSubmissionItem } from './submission-input';
import { SubmissionIntakeService, type IntakeItem } from './submission-intake.service';

/** A submission as it came off the topic. */
export interface SignedSubmission {
  eventId: string;
  data: SubmissionEvent;
  /** The event's data as the agency sent it: what the signature covers. */
  sentData: SubmissionEvent;
  /** The event's signature attribute, whatever it holds. */
  signature: unknown;
}

export function toSubmitCandidateDto(data: SubmissionEvent): SubmitCandidateDto {
  return {
    externalId: data.externalId,
    requisitionId: data.requisitionId,
    candidate: { ...data.candidate },
    profile: { ...data.profile } as unknown as Record<string, unknown>,
  };
}

@Injectable()
export class SubmitSignedSubmissionsService {
  constructor(
    private readonly agencies: AgencyRepository,
    private readonly intake: SubmissionIntakeService,
    private readonly index: IdentifierIndex,
  ) {}

  /**
   * A chunk is authenticated with one agency lookup and submitted through the
   * intake as one chunk (its own transaction, with the duplicate-race
   * handling); a redelivered event is a replay by its externalId. If any
   * submission is refused (bad signature, invalid, unknown requisition, ...),
   * the good ones are committed first and then the first refusal is thrown.
   */
  async execute(submissions: readonly SignedSubmission[]): Promise<void> {
    const agencies = new Map((await this.agencies.findByIds(submissions.map((s) => s.data.agencyId))).map((a) => [a.id, a]));
    const refused: SourcingException[] = [];
    const items: IntakeItem[] = [];
    for (const submission of submissions) {
      // The profile is serialised once for both the signature and the idempotency hash.
      const canonical = submissionCanonicalForms(submission.sentData);
      const agency = authenticate(submission, canonical.signed, agencies.get(submission.data.agencyId));
      if (agency instanceof SourcingException) {
        refused.push(agency);
        continue;
      }
      // The same item check as HTTP (NUL and invalid text per field, strict DTO rules, trimmed email);
      // the profile passed the event's contract already, which is the domain's profile schema.
      const checked = validateSubmissionItem(toSubmitCandidateDto(submission.data), 0);
      // The hashes, not the canonical body: the items live until the chunk commits (see IdentifierIndex.requestHashes).
      if (checked.ok) items.push({ agency, input: checked.value, channel: 'kafka', requestHashes: this.index.requestHashes(canonical.body, bodyAgain(submission.sentData)), profileChecked: true });
      else refused.push(new SourcingException(SourcingExceptionCode.INVALID_SUBMISSION, `Submission ${submission.eventId} is invalid.`, checked.errors));
    }
    const results = await this.intake.submitAll(items);
    for (const r of results) if (!r.ok) refused.push(r.error);
    if (refused[0]) throw refused[0];
  }
}

/** The canonical body written again from the event as sent (which the consumer holds until the chunk commits), for a legacy hash. */
function bodyAgain(sentData: SubmissionEvent): () => string {
  return () => submissionCanonicalForms(sentData).body;
}

function authenticate(submission: SignedSubmission, signedData: string, agency: SigningAgency | undefined): AuthenticatedAgency | SourcingException {
  const { signature } = submission;
  if (!agency || typeof signature !== 'string' || !verifyCanonicalSignature(signedData, signature, agency.signingSecret)) {
    // Same answer for an unknown agency and a bad signature: no probing of agency ids.
    return new SourcingException(
      SourcingExceptionCode.UNAUTHENTICATED_SUBMISSION,
      `Submission ${submission.eventId}: the ${AGENCY_SIGNATURE_ATTRIBUTE} signature does not verify for agency ${submission.data.agencyId}.`,
    );
  }
  return { id: agency.id, name: agency.name, keyId: 'kafka-signature' };
}
