// Keeps each submission's status in step with the pipeline, so an agency's
// GET /v1/submissions/:id shows how far its candidate got. Screening and
// scoring name the submission; an offer names the candidate, and reaches the
// submission that owns that candidate.
import { Injectable } from '@nestjs/common';
import { isSubmissionStatus, progressSubmission, type PipelineStage } from '@hiring/domain';
import type { SourcingTx } from '../submissions/submission.repository';
import { StatusChangeRow, SubmissionProgressRepository } from './submission-progress.repository';

export interface StageReached {
  /** Screening and scoring events carry the submission; offers carry only the candidate. */
  target: { submissionId: string } | { candidateId: string };
  stage: PipelineStage;
  at: Date;
  reason: string;
}

@Injectable()
export class RecordPipelineProgressService {
  constructor(private readonly progress: SubmissionProgressRepository) {}

  /** Applies a batch in order; returns how many status changes were written. */
  async execute(tx: SourcingTx, reached: StageReached[]): Promise<number> {
    const submissionIds = reached.flatMap((r) => ('submissionId' in r.target ? [r.target.submissionId] : []));
    const candidateIds = reached.flatMap((r) => ('candidateId' in r.target ? [r.target.candidateId] : []));
    const tracked = await this.progress.lock(tx, submissionIds, candidateIds);
    const status = new Map(tracked.map((t) => [t.id, t.status]));

    const changes: StatusChangeRow[] = [];
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
      }
    }
    await this.progress.apply(tx, changes);
    return changes.length;
  }
}
