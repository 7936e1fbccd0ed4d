import { Injectable } from '@nestjs/common';
import type { AuthenticatedAgency } from '../agencies/authenticate-agency.service';
import { SourcingException, SourcingExceptionCode } from '../shared/sourcing.exception';
import type { SubmitCandidateDto } from './submission.dto';
import { SubmissionIntakeService, type SubmissionOutcome } from './submission-intake.service';

export type { SubmissionOutcome };

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,128}$/;

/**
 * An agency submits one person for a requisition: the intake with a chunk of
 * one, so a single submission and a bulk item follow the same rules.
 * Idempotent per agency by externalId and by Idempotency-Key (same key + same
 * body = the original answer; same key + another body = conflict).
 */
@Injectable()
export class SubmitCandidateService {
  constructor(private readonly intake: SubmissionIntakeService) {}

  async execute(agency: AuthenticatedAgency, input: SubmitCandidateDto, idempotencyKey?: string): Promise<SubmissionOutcome> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw new SourcingException(SourcingExceptionCode.INVALID_INPUT, 'The Idempotency-Key header is invalid.', [
        { path: 'Idempotency-Key', message: 'must be 1 to 128 printable ASCII characters' },
      ]);
    }
    const [result] = await this.intake.submitAll([{ agency, input, channel: 'http', ...(idempotencyKey !== undefined ? { idempotencyKey } : {}) }]);
    if (!result) throw new Error('submission intake returned no result');
    if (!result.ok) throw result.error;
    return result.outcome;
  }
}
