// Keeps each submission's status in step with the pipeline, so an agency's
// GET /v1/submissions/:id shows how far its candidate got. Screening and
// scoring name the submission; an offer names the candidate, and reaches the
// submission that owns that candidate.
//
// No inbox (the consumers say `inbox: false`): each submission's state keeps
// the time of the latest event of each kind it has seen, and an event at or
// before its kind's mark is skipped whole (no status, no history, no webhook).
// A redelivery, a replay into a new group, or a second instance briefly on the
// same partition (it waits on the state's row lock, then reads the marks)
// therefore has no second effect.
import { Injectable } from '@nestjs/common';
import { isNewStage, isSubmissionStatus, progressSubmission, publicRejectionReasons, type PipelineStage, type ScreeningRuleVerdict } from '@hiring/domain';
import type { Tx } from '@hiring/platform';
import { SourcingException, SourcingExceptionCode } from '../shared/sourcing.exception';
import { rejectedNotice, scoredNotice, statusChangedNotice } from '../webhooks/webhook-notices.mapper';
import { WebhookOutbox, type WebhookNotice, type WebhookSubscriptions } from '../webhooks/webhook-outbox.repository';
import { SubmissionProgressRepository, type StatusChangeRow, type SubmissionStateRow, type TrackedSubmission } from './submission-progress.repository';

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
    // Notices only for agencies with an endpoint that takes them (most have none): the lock reads which.
    const { tracked, subscriptions: subscribed } = await this.progress.lock(tx, submissionIds, candidateIds);
    // Each tracked submission's state as the batch moves it; written back only if an event was news to it.
    const states = new Map(tracked.map((t): [string, SubmissionStateRow] => [t.id, { submissionId: t.id, rowAddress: t.rowAddress, status: t.status, statusChanged: false, marks: { ...t.marks } }]));
    const touched = new Set<string>();
    const byId = new Map(tracked.map((t) => [t.id, t]));

    const changes: StatusChangeRow[] = [];
    const notices: WebhookNotice[] = [];
    for (const r of reached) {
      const target = r.target;
      const ids = 'submissionId' in target ? [target.submissionId] : tracked.filter((t) => t.candidateId === target.candidateId).map((t) => t.id);
      for (const id of ids) {
        const state = states.get(id);
        const submission: TrackedSubmission | undefined = byId.get(id);
        // Unknown here (e.g. another environment's id): nothing to track.
        if (!state || !submission || !isSubmissionStatus(state.status)) continue;
        // Seen before (a redelivery or replay): no second effect.
        if (!isNewStage(state.marks, r.stage, r.at)) continue;
        state.marks[r.stage.kind] = r.at;
        touched.add(id);
        const current = state.status;
        const next = progressSubmission(current, r.stage);
        if (!next) continue;
        state.status = next;
        state.statusChanged = true;
        changes.push({ submissionId: id, status: next, reason: r.reason, at: r.at });
        if (!subscribed.none) notices.push(...noticesFor({ ...submission, submissionId: id }, current, next, r, subscribed));
      }
    }
    await this.progress.apply(
      tx,
      [...states.values()].filter((s) => touched.has(s.submissionId)),
      changes,
    );
    await this.webhooks.enqueue(tx, notices, subscribed);
    return changes.length;
  }
}

/** Status changed always; scored with score and decision; rejected with the reasons the agency may see: each if subscribed. */
function noticesFor(
  s: { agencyId: string; submissionId: string; externalId: string; requisitionId: string; candidateId: string | null },
  previous: string,
  next: string,
  r: StageReached,
  subscribed: WebhookSubscriptions,
): WebhookNotice[] {
  const notices: WebhookNotice[] = [];
  if (subscribed.wants(s.agencyId, 'submission.status-changed')) notices.push(statusChangedNotice(s, previous, next, r.at));
  if (r.stage.kind === 'scored' && subscribed.wants(s.agencyId, 'submission.scored')) notices.push(scoredNotice(s, r.stage.score, r.stage.decision, r.at));
  if (next === 'rejected' && subscribed.wants(s.agencyId, 'submission.rejected')) {
    notices.push(rejectedNotice(s, r.stage.kind === 'screened' ? 'screening' : 'scoring', publicRejectionReasons(r.rules ?? []), r.at));
  }
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
