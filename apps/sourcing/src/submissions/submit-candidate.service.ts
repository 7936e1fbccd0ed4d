import { Injectable } from '@nestjs/common';
import type { AuthenticatedAgency } from '../agencies/authenticate-agency.service';
import type { SubmitCandidateDto } from './submission.dto';
import { SubmissionIntakeService, type SubmissionOutcome } from './submission-intake.service';

export type { SubmissionOutcome };

/**
 * An agency submits one person for a requisition: the intake with a chunk of
 * one, so a single submission and a bulk item follow the same rules.
 * Idempotent per agency by externalId and by Idempotency-Key (same key + same
 * body = the original answer; same key + another body = conflict).
 */
@Injectable()
export class SubmitCandidateService {
  constructor(private readonly intake: SubmissionIntakeService) {}

  async execute(agency: AuthenticatedAgency, input: SubmitCandidateDto, idempotencyKey?: string, channel: 'http' | 'kafka' = 'http'): Promise<SubmissionOutcome> {
    const [result] = await this.intake.submitAll([{ agency, input, channel, ...(idempotencyKey !== undefined ? { idempotencyKey } : {}) }]);
    if (!result) throw new Error('submission intake returned no result');
    if (!result.ok) throw result.error;
    return result.outcome;
  }
}
