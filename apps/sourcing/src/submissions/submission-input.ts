// Turning an untrusted bulk body into items: a JSON array, or NDJSON (one
// JSON object per line). Each item is validated with the same strict rules
// as the single route (whitelist, forbidNonWhitelisted), item by item, so one
// bad line does not reject its neighbours.
import { flattenValidationErrors, inspectInput, MAX_JSON_DEPTH } from '@hiring/platform';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { SourcingException, SourcingExceptionCode, type SourcingFieldError } from '../shared/sourcing.exception';
import { BULK_LIMITS, MAX_BULK_ITEMS, plainSubmission, SubmitCandidateDto } from './submission.dto';

export type BulkItem = { index: number; ok: true; value: SubmitCandidateDto } | { index: number; ok: false; errors: SourcingFieldError[] };

function parseNdjson(text: string): unknown[] {
  const items: unknown[] = [];
  const lines = text.split(/\r?\n/);
  for (const line of lines) {
    if (line.trim() === '') continue;
    try {
      items.push(JSON.parse(line));
    } catch {
      items.push(new NotJson());
    }
    if (items.length > MAX_BULK_ITEMS) break;
  }
  return items;
}

/** Marks an NDJSON line that is not JSON, so it keeps its index and gets its own error. */
class NotJson {}

export function parseBulkBody(body: unknown): unknown[] {
  const items = typeof body === 'string' ? parseNdjson(body) : body;
  if (!Array.isArray(items)) {
    throw new SourcingException(SourcingExceptionCode.INVALID_INPUT, 'The body must be a JSON array of submissions, or NDJSON (Content-Type: application/x-ndjson).', [
      { path: '(root)', message: 'must be an array' },
    ]);
  }
  if (items.length === 0) {
    throw new SourcingException(SourcingExceptionCode.INVALID_INPUT, 'The body holds no submissions.', [{ path: '(root)', message: 'must hold at least one item' }]);
  }
  if (items.length > MAX_BULK_ITEMS) {
    throw new SourcingException(SourcingExceptionCode.TOO_MANY_ITEMS, `${BULK_LIMITS} This one holds more than ${MAX_BULK_ITEMS}.`);
  }
  return items;
}

export function validateSubmissionItem(raw: unknown, index: number): BulkItem {
  if (raw instanceof NotJson) return { index, ok: false, errors: [{ path: '(root)', message: 'is not valid JSON' }] };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { index, ok: false, errors: [{ path: '(root)', message: 'must be an object' }] };
  // Before class-transformer recurses into it, and before Postgres meets a NUL: this item alone fails.
  const inspection = inspectInput(raw);
  if (inspection.tooDeep) return { index, ok: false, errors: [{ path: '(root)', message: `is nested deeper than ${MAX_JSON_DEPTH} levels` }] };
  if (inspection.errors.length > 0) return { index, ok: false, errors: inspection.errors };
  const plain = plainSubmission(raw as Record<string, unknown>);
  if (plain) return { index, ok: true, value: plain };
  // Something is wrong (or unusual): class-validator names it, with its messages and paths.
  // The profile is only "an object" to the DTO (the domain's compiled profile
  // schema checks it in the intake): class-transformer would deep-copy its
  // ~3 KB for nothing, the largest part of this check's cost.
  const { profile, ...rest } = raw as Record<string, unknown>;
  const dto = plainToInstance(SubmitCandidateDto, rest);
  if ('profile' in raw) dto.profile = profile as Record<string, unknown>;
  const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true });
  return errors.length > 0 ? { index, ok: false, errors: flattenValidationErrors(errors) } : { index, ok: true, value: dto };
}
