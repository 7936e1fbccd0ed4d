// Where a submission stands in the pipeline, as the agency and ops see it.
// Stages arrive from different topics (screening, scoring, offer), so they can
// be seen out of order; a submission only ever moves forward, and a stage
// seen late never overwrites a later one.

export type SubmissionStatus =
  | 'received'
  | 'duplicate'
  | 'sourced'
  | 'screened'
  | 'rejected'
  | 'needs-interview'
  | 'scored'
  | 'offer-refused'
  | 'offer-approved';

type Decision = 'advance' | 'review' | 'needs-interview' | 'reject';

export type PipelineStage =
  | { kind: 'screened'; decision: Decision }
  | { kind: 'scored'; decision: Decision; score: number }
  | { kind: 'offer-decided'; decision: 'approved' | 'refused' };

const RANK: Record<SubmissionStatus, number> = {
  received: 0,
  sourced: 1,
  screened: 2,
  rejected: 2,
  // Screening asks for an interview before anything else can happen; scoring it changes nothing for the agency.
  'needs-interview': 3,
  scored: 3,
  'offer-refused': 4,
  // An approval (possibly by override) after a refusal moves the submission on.
  'offer-approved': 5,
  // A duplicate is final: the owning agency's submission carries the person on.
  duplicate: 99,
};

export function statusOfStage(stage: PipelineStage): SubmissionStatus {
  switch (stage.kind) {
    case 'screened':
      return stage.decision === 'reject' ? 'rejected' : stage.decision === 'needs-interview' ? 'needs-interview' : 'screened';
    case 'scored':
      return stage.decision === 'reject' ? 'rejected' : stage.decision === 'needs-interview' ? 'needs-interview' : 'scored';
    case 'offer-decided':
      return stage.decision === 'approved' ? 'offer-approved' : 'offer-refused';
    default: {
      const unreachable: never = stage;
      throw new Error(`unknown stage ${JSON.stringify(unreachable)}`);
    }
  }
}

/** The status after `stage`, or undefined when the stage changes nothing (late, repeated, or after a final state). */
export function progressSubmission(current: SubmissionStatus, stage: PipelineStage): SubmissionStatus | undefined {
  const next = statusOfStage(stage);
  if (current === 'duplicate' || current === 'rejected') return undefined;
  // Waiting for an interview: the re-screening with its feedback moves the submission on, whichever way it decides.
  if (current === 'needs-interview') return next === 'needs-interview' ? undefined : next;
  return RANK[next] > RANK[current] ? next : undefined;
}

/** The time of the latest stage of each kind a submission has seen (null: none yet). */
export type StageMarks = Record<PipelineStage['kind'], Date | null>;

/**
 * Whether a stage seen at `at` is news for a submission: later than every
 * stage of its kind seen before. Each kind comes from one service, in order
 * per candidate, and a later stage of a kind is a later decision (a
 * re-screening, an override), so one at or before its kind's mark is a
 * redelivery or a replay. Applying it again would repeat its webhooks or,
 * after a re-screening, undo the change that followed it.
 */
export function isNewStage(marks: StageMarks, stage: PipelineStage, at: Date): boolean {
  const mark = marks[stage.kind];
  return mark === null || at.getTime() > mark.getTime();
}

export function isSubmissionStatus(value: string): value is SubmissionStatus {
  return value in RANK;
}

/** Every status a submission can have, in pipeline order (the vocabulary agencies filter by). */
export const SUBMISSION_STATUSES = (Object.keys(RANK) as SubmissionStatus[]).sort((a, b) => RANK[a] - RANK[b]);
