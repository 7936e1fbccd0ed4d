import { Injectable } from '@nestjs/common';
import type { AuthenticatedAgency } from '../agencies/authenticate-agency.service';
import { SourcingExceptionCode } from '../shared/sourcing.exception';
import type { BulkItemResult, BulkSubmissionResponse } from './submission.dto';
import { parseBulkBody, validateSubmissionItem, type BulkItem } from './submission-input';
import { SubmissionIntakeService, type IntakeResult } from './submission-intake.service';

/**
 * Up to MAX_BULK_ITEMS submissions in one request, each judged on its own:
 * per-item status and errors, never all-or-nothing. The valid items go through
 * the intake as one chunk (a few set-based statements, not a transaction per
 * item); a later item with the same externalId sees the earlier one. Each item
 * is idempotent by its externalId, so a client retries a whole request safely.
 */
@Injectable()
export class SubmitBulkService {
  constructor(private readonly intake: SubmissionIntakeService) {}

  /**
   * Not async itself: an async function keeps its arguments for as long as it
   * runs, and the body is not needed once it is parsed into items.
   */
  execute(agency: AuthenticatedAgency, body: unknown): Promise<BulkSubmissionResponse> {
    let items: BulkItem[];
    try {
      items = parseBulkBody(body).map(validateSubmissionItem);
    } catch (error) {
      return Promise.reject(error as Error);
    }
    return this.submitItems(agency, items);
  }

  private async submitItems(agency: AuthenticatedAgency, items: readonly BulkItem[]): Promise<BulkSubmissionResponse> {
    const valid = items.flatMap((item) => (item.ok ? [item] : []));
    const outcomes = await this.intake.submitAll(valid.map((item) => ({ agency, input: item.value, channel: 'http' as const })));
    const byIndex = new Map(valid.map((item, i) => [item.index, outcomes[i]]));
    const results: BulkItemResult[] = items.map((item) => {
      if (!item.ok) return { index: item.index, status: 'invalid', errors: item.errors };
      const outcome = byIndex.get(item.index);
      if (!outcome) throw new Error(`bulk item ${item.index} has no intake result`);
      return toItemResult(item.index, outcome);
    });
    const accepted = results.filter((r) => r.submissionId !== undefined).length;
    return { results, summary: { total: results.length, accepted, failed: results.length - accepted } };
  }
}

function toItemResult(index: number, result: IntakeResult): BulkItemResult {
  if (!result.ok) {
    const error = result.error;
    return { index, status: itemStatus(error.code), errors: error.errors.length > 0 ? [...error.errors] : [{ path: '(root)', message: error.message }] };
  }
  const outcome = result.outcome;
  return {
    index,
    status: outcome.status,
    submissionId: outcome.submissionId,
    ...(outcome.candidateId ? { candidateId: outcome.candidateId } : {}),
    ...(outcome.replayed ? { replayed: true } : {}),
  };
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
    case SourcingExceptionCode.WEBHOOK_ENDPOINT_NOT_FOUND:
    case SourcingExceptionCode.MASTER_KEY_MISSING:
      return 'rejected';
    default: {
      const unreachable: never = code;
      throw new Error(`unmapped sourcing error code ${String(unreachable)}`);
    }
  }
}
