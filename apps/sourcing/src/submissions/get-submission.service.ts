import { Injectable } from '@nestjs/common';
import { AgencyRepository } from '../agencies/agency.repository';
import { ERASED_NAME } from '../erasure/erasure.repository';
import { CandidateKeyRepository } from '../personal-data/candidate-key.repository';
import { openSubmissionData, type SubmissionPersonalData } from '../personal-data/submission-personal-data';
import { SourcingException, SourcingExceptionCode } from '../shared/sourcing.exception';
import { DuplicateRepository } from './duplicate.repository';
import { EXTERNAL_ID_PATTERN, type OpsSubmissionResponse, type SubmissionResponse } from './submission.dto';
import { toOpsSubmissionResponse, toSubmissionResponse } from './submission.mapper';
import { SubmissionRepository, type StoredSubmission } from './submission.repository';

/** A submission and its status history: for its own agency, or in full for ops. */
@Injectable()
export class GetSubmissionService {
  constructor(
    private readonly submissions: SubmissionRepository,
    private readonly duplicates: DuplicateRepository,
    private readonly agencies: AgencyRepository,
    private readonly keys: CandidateKeyRepository,
  ) {}

  /** Another agency's submission is "not found", exactly like a missing one: its existence is not disclosed. */
  async forAgency(agencyId: string, submissionId: string): Promise<SubmissionResponse> {
    const submission = await this.submissions.findById(submissionId);
    if (!submission || submission.agencyId !== agencyId) throw notFound(submissionId);
    return toSubmissionResponse(submission, await this.submissions.history(submissionId));
  }

  /** By the agency's own externalId: only ever looked up among the calling agency's submissions. */
  async byExternalId(agencyId: string, externalId: string): Promise<SubmissionResponse> {
    if (externalId.length > 128 || !EXTERNAL_ID_PATTERN.test(externalId)) {
      throw new SourcingException(SourcingExceptionCode.INVALID_INPUT, 'The externalId is invalid.', [
        { path: 'externalId', message: `must be 1 to 128 characters matching ${EXTERNAL_ID_PATTERN.source}` },
      ]);
    }
    const submission = await this.submissions.findByExternalId(agencyId, externalId);
    if (!submission) throw new SourcingException(SourcingExceptionCode.SUBMISSION_NOT_FOUND, `No submission with externalId ${externalId}.`);
    return toSubmissionResponse(submission, await this.submissions.history(submission.id));
  }

  async forOps(submissionId: string): Promise<OpsSubmissionResponse> {
    const submission = await this.submissions.findById(submissionId);
    if (!submission) throw notFound(submissionId);
    const [history, duplicate, agency, identity] = await Promise.all([
      this.submissions.history(submissionId),
      submission.status === 'duplicate' ? this.duplicates.findBySubmission(submissionId) : Promise.resolve(undefined),
      this.agencies.findById(submission.agencyId),
      this.identityOf(submission),
    ]);
    if (!agency) throw new Error(`submission ${submissionId} references missing agency ${submission.agencyId}`);
    return toOpsSubmissionResponse(submission, identity, history, agency, duplicate);
  }

  /** The identity opened with the person's key; an erased person (no key, or the sealed value deleted) reads as erased. */
  private async identityOf(s: StoredSubmission): Promise<SubmissionPersonalData['candidate']> {
    if (!s.sealedFor || !s.personalData) return { name: ERASED_NAME };
    const key = (await this.keys.lookup([s.sealedFor])).keys.get(s.sealedFor);
    return key ? openSubmissionData(key, s.sealedFor, s.id, s.personalData).candidate : { name: ERASED_NAME };
  }
}

function notFound(submissionId: string): SourcingException {
  return new SourcingException(SourcingExceptionCode.SUBMISSION_NOT_FOUND, `No submission ${submissionId}.`);
}
