import { Injectable } from '@nestjs/common';
import type { AuthenticatedAgency } from '../agencies/authenticate-agency.service';
import { SourcingException, SourcingExceptionCode } from '../shared/sourcing.exception';
import type { SubmitCandidateDto } from './submission.dto';
import { SingleSubmissionGroups } from './single-submission-groups';
import type { SubmissionOutcome } from './submission-intake.service';

export type { SubmissionOutcome };

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,128}$/;

/**
 * An agency submits one person for a requisition: the intake's rules for a
 * chunk, so a single submission and a bulk item follow the same rules; single
 * submissions that overlap are written together (SingleSubmissionGroups).
 * Idempotent per agency by externalId and by Idempotency-Key (same key + same
 * body = the original answer; same key + another body = conflict).
 */
@Injectable()
export class SubmitCandidateService {
  constructor(private readonly groups: SingleSubmissionGroups) {}

  async execute(agency: AuthenticatedAgency, input: SubmitCandidateDto, idempotencyKey?: string): Promise<SubmissionOutcome> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw new SourcingException(SourcingExceptionCode.INVALID_INPUT, 'The Idempotency-Key header is invalid.', [
        { path: 'Idempotency-Key', message: 'must be 1 to 128 printable ASCII characters' },
      ]);
    }
    const result = await this.groups.submit({ agency, input, channel: 'http', ...(idempotencyKey !== undefined ? { idempotencyKey } : {}) });
    if (!result.ok) throw result.error;
    return result.outcome;
  }
}
