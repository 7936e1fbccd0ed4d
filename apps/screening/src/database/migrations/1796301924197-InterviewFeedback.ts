import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Interviewer feedback (issue 8, part 5): the interviewer registry, the
 * feedback itself (answers per rule id, notes only sealed with the
 * candidate's data key), and screening revisions: revision n of a rubric
 * version is the profile plus the feedback of n interviews.
 */
export class InterviewFeedback1796301924197 implements MigrationInterface {
  name = 'InterviewFeedback1796301924197';

  async up(q: QueryRunner): Promise<void> {
    // Who may record feedback. An id and a display name, nothing else about the person.
    await q.query(`CREATE TABLE screening.interviewers (
      interviewer_id text PRIMARY KEY,
      display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
      active boolean NOT NULL DEFAULT true,
      registered_at timestamptz NOT NULL,
      deactivated_at timestamptz,
      CHECK (active = (deactivated_at IS NULL))
    )`);
    await q.query(`CREATE TABLE screening.interview_feedback (
      feedback_id text PRIMARY KEY,
      candidate_id text NOT NULL,
      interviewer_id text NOT NULL REFERENCES screening.interviewers (interviewer_id),
      interviewed_at timestamptz NOT NULL,
      communication_rating int NOT NULL CHECK (communication_rating BETWEEN 1 AND 5),
      answers jsonb NOT NULL,
      sealed_notes text CHECK (sealed_notes LIKE 'pd1.%'),
      recorded_at timestamptz NOT NULL
    )`);
    await q.query('CREATE INDEX interview_feedback_candidate_idx ON screening.interview_feedback (candidate_id, recorded_at)');
    await q.query('ALTER TABLE screening.screenings ADD COLUMN revision int NOT NULL DEFAULT 0 CHECK (revision >= 0)');
    await q.query('ALTER TABLE screening.screenings DROP CONSTRAINT screenings_candidate_rubric_version_uq');
    await q.query('ALTER TABLE screening.screenings ADD CONSTRAINT screenings_candidate_rubric_revision_uq UNIQUE (candidate_id, rubric_version, revision)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DELETE FROM screening.screenings WHERE revision > 0');
    await q.query('ALTER TABLE screening.screenings DROP CONSTRAINT screenings_candidate_rubric_revision_uq');
    await q.query('ALTER TABLE screening.screenings ADD CONSTRAINT screenings_candidate_rubric_version_uq UNIQUE (candidate_id, rubric_version)');
    await q.query('ALTER TABLE screening.screenings DROP COLUMN revision');
    await q.query('DROP TABLE screening.interview_feedback');
    await q.query('DROP TABLE screening.interviewers');
  }
}
