import { Injectable } from '@nestjs/common';
import type { InterviewFeedbackEvent } from '@hiring/contracts';
import type { FeedbackOutcome, InterviewFeedback } from '@hiring/domain';
import { entityManagerOf, type Tx } from '@hiring/platform';

interface FeedbackRow {
  candidate_id: string;
  interviewer_id: string;
  interviewed_at: Date;
  communication_rating: number;
  answers: Array<{ ruleId: string; outcome: FeedbackOutcome }>;
}

/**
 * Recorded interview feedback in schema "screening". The notes are stored as
 * received: sealed with the candidate's data key (unreadable after erasure).
 */
@Injectable()
export class InterviewFeedbackRepository {
  /** One multi-row insert; returns the feedback ids that were new (the others are duplicates). */
  async record(tx: Tx, feedback: readonly InterviewFeedbackEvent[], recordedAt: Date): Promise<Set<string>> {
    if (feedback.length === 0) return new Set();
    const rows: Array<{ feedback_id: string }> = await entityManagerOf(tx).query(
      `INSERT INTO screening.interview_feedback
         (feedback_id, candidate_id, interviewer_id, interviewed_at, communication_rating, answers, sealed_notes, recorded_at)
       SELECT f.*, $8::timestamptz FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::int[], $6::jsonb[], $7::text[])
         AS f (feedback_id, candidate_id, interviewer_id, interviewed_at, communication_rating, answers, sealed_notes)
       ON CONFLICT (feedback_id) DO NOTHING
       RETURNING feedback_id`,
      [
        feedback.map((f) => f.feedbackId),
        feedback.map((f) => f.candidateId),
        feedback.map((f) => f.interviewerId),
        feedback.map((f) => f.interviewedAt),
        feedback.map((f) => f.communicationRating),
        feedback.map((f) => JSON.stringify(f.answers.map((a) => ({ ruleId: a.ruleId, outcome: a.outcome })))),
        feedback.map((f) => f.sealedNotes ?? null),
        recordedAt.toISOString(),
      ],
    );
    return new Set(rows.map((r) => r.feedback_id));
  }

  /** Every recorded feedback of these candidates, in the order it was recorded: what a re-screening folds in. */
  async findByCandidates(tx: Tx, candidateIds: readonly string[]): Promise<Map<string, InterviewFeedback[]>> {
    const byCandidate = new Map<string, InterviewFeedback[]>();
    if (candidateIds.length === 0) return byCandidate;
    const rows: FeedbackRow[] = await entityManagerOf(tx).query(
      `SELECT candidate_id, interviewer_id, interviewed_at, communication_rating, answers FROM screening.interview_feedback
        WHERE candidate_id = ANY($1::text[]) ORDER BY candidate_id, recorded_at, feedback_id`,
      [[...new Set(candidateIds)]],
    );
    for (const r of rows) {
      const list = byCandidate.get(r.candidate_id) ?? [];
      list.push({ interviewerId: r.interviewer_id, interviewedAt: r.interviewed_at.toISOString(), communicationRating: r.communication_rating, answers: r.answers });
      byCandidate.set(r.candidate_id, list);
    }
    return byCandidate;
  }
}
