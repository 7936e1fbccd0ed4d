// Keeps each submission's status in step with the pipeline, so an agency's
// GET /v1/submissions/:id shows how far its candidate got. Screening and
// scoring name the submission; an offer names the candidate, and reaches the
// submission that owns that candidate.
import { Injectable } from '@nestjs/common';
import { isSubmissionStatus, progressSubmission, publicRejectionReasons, type PipelineStage, type ScreeningRuleVerdict } from '@hiring/domain';
import type { Tx } from '@hiring/platform';
import { SourcingException, SourcingExceptionCode } from '../shared/sourcing.exception';
import { rejectedNotice, scoredNotice, statusChangedNotice } from '../webhooks/webhook-notices.mapper';
import { WebhookOutbox, type WebhookNotice } from '../webhooks/webhook-outbox.repository';
import { StatusChangeRow, SubmissionProgressRepository } from './submission-progress.repository';

export interface StageReached {
  /** Screening and scoring events carry the submission; offers carry only the candidate. */
  target: { submissionId: string } | { candidateId: string };
  stage: PipelineStage;
  at: Date;
  reason: string;
  /** The rule verdicts behind the stage (screening's rules, scoring's penalties): a rejection names those that counted against. */
  rules?: ScreeningRuleVerdict[];
}

@Injectable()
export class RecordPipelineProgressService {
  constructor(
    private readonly progress: SubmissionProgressRepository,
    private readonly webhooks: WebhookOutbox,
  ) {}

  /** Applies a batch in order, with the agencies' webhooks in the same transaction; returns how many status changes were written. */
  async execute(tx: Tx, reached: StageReached[]): Promise<number> {
    refuseMalformedIds(reached);
    const submissionIds = reached.flatMap((r) => ('submissionId' in r.target ? [r.target.submissionId] : []));
    const candidateIds = reached.flatMap((r) => ('candidateId' in r.target ? [r.target.candidateId] : []));
    const tracked = await this.progress.lock(tx, submissionIds, candidateIds);
    const status = new Map(tracked.map((t) => [t.id, t.status]));
    const byId = new Map(tracked.map((t) => [t.id, t]));

    const changes: StatusChangeRow[] = [];
    const notices: WebhookNotice[] = [];
    for (const r of reached) {
      const target = r.target;
      const ids = 'submissionId' in target ? [target.submissionId] : tracked.filter((t) => t.candidateId === target.candidateId).map((t) => t.id);
      for (const id of ids) {
        const current = status.get(id);
        // Unknown here (e.g. erased or another environment's id): nothing to track.
        if (current === undefined || !isSubmissionStatus(current)) continue;
        const next = progressSubmission(current, r.stage);
        if (!next) continue;
        status.set(id, next);
        changes.push({ submissionId: id, status: next, reason: r.reason, at: r.at });
        const submission = byId.get(id);
        if (submission) notices.push(...noticesFor({ ...submission, submissionId: id }, current, next, r));
      }
    }
    await this.progress.apply(tx, changes);
    await this.webhooks.enqueue(tx, notices);
    return changes.length;
  }
}

/** Status changed always; scored with score and decision; rejected with the reasons the agency may see. */
function noticesFor(
  s: { agencyId: string; submissionId: string; externalId: string; requisitionId: string; candidateId: string | null },
  previous: string,
  next: string,
  r: StageReached,
): WebhookNotice[] {
  const notices = [statusChangedNotice(s, previous, next, r.at)];
  if (r.stage.kind === 'scored') notices.push(scoredNotice(s, r.stage.score, r.stage.decision, r.at));
  if (next === 'rejected') notices.push(rejectedNotice(s, r.stage.kind === 'screened' ? 'screening' : 'scoring', publicRejectionReasons(r.rules ?? []), r.at));
  return notices;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Submission and candidate ids are UUIDs (sourcing made them). Another value
 * would fail in Postgres as a handler error, and be dead-lettered only after
 * the chunk was retried and split; it is bad input, refused at once (the
 * transport dead-letters it as INVALID_INPUT, the rest of the chunk applies).
 */
function refuseMalformedIds(reached: readonly StageReached[]): void {
  const errors = reached.flatMap(({ target }) => {
    const [field, value] = 'submissionId' in target ? ['submissionId', target.submissionId] : ['candidateId', target.candidateId];
    return UUID.test(value) ? [] : [{ path: `data.${field}`, message: `${field} must be a UUID` }];
  });
  if (errors.length > 0) throw new SourcingException(SourcingExceptionCode.INVALID_INPUT, `Pipeline progress for an id that is not a UUID: ${errors.map((e) => e.path).join(', ')}.`, errors);
}
