import { Injectable } from '@nestjs/common';
import type { AuthenticatedAgency } from '../agencies/authenticate-agency.service';
import { SourcingException, SourcingExceptionCode } from '../shared/sourcing.exception';
import type { BulkItemResult, BulkSubmissionResponse } from './submission.dto';
import { parseBulkBody, validateSubmissionItem } from './submission-input';
import { SubmitCandidateService } from './submit-candidate.service';

/**
 * Up to 500 submissions in one request, each judged on its own: per-item
 * status and errors, never all-or-nothing. Each item is idempotent by its
 * externalId, so a client retries a whole bulk request safely.
 */
@Injectable()
export class SubmitBulkService {
  constructor(private readonly submitCandidate: SubmitCandidateService) {}

  async execute(agency: AuthenticatedAgency, body: unknown): Promise<BulkSubmissionResponse> {
    const items = parseBulkBody(body).map(validateSubmissionItem);
    const results: BulkItemResult[] = [];
    // One transaction per item, in order: a later item with the same externalId sees the earlier one.
    for (const item of items) {
      if (!item.ok) {
        results.push({ index: item.index, status: 'invalid', errors: item.errors });
        continue;
      }
      results.push(await this.submitOne(agency, item.index, item.value));
    }
    const accepted = results.filter((r) => r.submissionId !== undefined).length;
    return { results, summary: { total: results.length, accepted, failed: results.length - accepted } };
  }

  private async submitOne(agency: AuthenticatedAgency, index: number, dto: Parameters<SubmitCandidateService['execute']>[1]): Promise<BulkItemResult> {
    try {
      const outcome = await this.submitCandidate.execute(agency, dto);
      return {
        index,
        status: outcome.status,
        submissionId: outcome.submissionId,
        ...(outcome.candidateId ? { candidateId: outcome.candidateId } : {}),
        ...(outcome.replayed ? { replayed: true } : {}),
      };
    } catch (error) {
      if (!(error instanceof SourcingException)) throw error;
      return { index, status: itemStatus(error.code), errors: error.errors.length > 0 ? [...error.errors] : [{ path: '(root)', message: error.message }] };
    }
  }
}

function itemStatus(code: SourcingExceptionCode): string {
  switch (code) {
    case SourcingExceptionCode.INVALID_SUBMISSION:
    case SourcingExceptionCode.INVALID_INPUT:
      return 'invalid';
    case SourcingExceptionCode.IDEMPOTENCY_CONFLICT:
      return 'conflict';
    case SourcingExceptionCode.UNKNOWN_REQUISITION:
    case SourcingExceptionCode.REQUISITION_CLOSED:
    case SourcingExceptionCode.REQUISITION_NOT_FOUND:
      return 'rejected';
    case SourcingExceptionCode.AGENCY_NOT_FOUND:
    case SourcingExceptionCode.AGENCY_NAME_TAKEN:
    case SourcingExceptionCode.API_KEY_NOT_FOUND:
    case SourcingExceptionCode.SUBMISSION_NOT_FOUND:
    case SourcingExceptionCode.TOO_MANY_ITEMS:
    case SourcingExceptionCode.UNAUTHENTICATED_SUBMISSION:
    case SourcingExceptionCode.CANDIDATE_NOT_FOUND:
      return 'rejected';
    default: {
      const unreachable: never = code;
      throw new Error(`unmapped sourcing error code ${String(unreachable)}`);
    }
  }
}
