import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A submission's status moves to a narrow table of its own (issue 11).
 *
 * Every status change rewrote the wide submission row and an entry in each of
 * its eight indexes (status and updated_at are in the listing's three, so no
 * update was HOT). `submission_states` holds what changes and what the
 * listing pages by: status, updated_at, and the agency and requisition the
 * listing filters on; `submissions` keeps the facts written once at intake
 * (its three listing indexes go, and with them the status columns).
 *
 * `screened_at`, `scored_at` and `offer_decided_at` are the time of the latest
 * event of each kind sourcing has seen for the submission: the progress
 * consumers apply an event only when it is later than that mark, which is what
 * makes a redelivered event a no-op without an inbox row (docs/sourcing.md).
 * The backfill takes the marks from the history; a status reached by either
 * screening or scoring (rejected, needs-interview) marks both, and only events
 * at or before it are refused: those are older than the change they would undo.
 *
 * No foreign key to submissions, like the history's: a state row is written in
 * the statement that inserts its submission, and no submission is deleted.
 * fillfactor 85 leaves room on each page for the updates that move only a
 * mark (a late or repeated stage), which then stay HOT (no index entries).
 */
export class SubmissionStatesOfTheirOwn1796336788705 implements MigrationInterface {
  name = 'SubmissionStatesOfTheirOwn1796336788705';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sourcing.submission_states (
        submission_id uuid PRIMARY KEY,
        agency_id uuid NOT NULL,
        requisition_id uuid NOT NULL,
        status text NOT NULL CHECK (status ~ '^[a-z][a-z-]{1,39}$'),
        updated_at timestamptz NOT NULL,
        screened_at timestamptz,
        scored_at timestamptz,
        offer_decided_at timestamptz
      ) WITH (fillfactor = 85)`);
    await q.query(`
      INSERT INTO sourcing.submission_states (submission_id, agency_id, requisition_id, status, updated_at, screened_at, scored_at, offer_decided_at)
      SELECT s.id, s.agency_id, s.requisition_id, s.status, s.updated_at, m.screened_at, m.scored_at, m.offer_decided_at
        FROM sourcing.submissions s
        LEFT JOIN LATERAL (
          SELECT max(h.at) FILTER (WHERE h.status IN ('screened', 'rejected', 'needs-interview')) AS screened_at,
                 max(h.at) FILTER (WHERE h.status IN ('scored', 'rejected', 'needs-interview')) AS scored_at,
                 max(h.at) FILTER (WHERE h.status IN ('offer-refused', 'offer-approved')) AS offer_decided_at
            FROM sourcing.submission_status_history h WHERE h.submission_id = s.id) m ON true`);
    await q.query('CREATE INDEX submission_states_agency_updated_idx ON sourcing.submission_states (agency_id, updated_at, submission_id)');
    await q.query('CREATE INDEX submission_states_agency_status_updated_idx ON sourcing.submission_states (agency_id, status, updated_at, submission_id)');
    await q.query('CREATE INDEX submission_states_agency_requisition_updated_idx ON sourcing.submission_states (agency_id, requisition_id, updated_at, submission_id)');
    await q.query('DROP INDEX sourcing.submissions_agency_updated_idx');
    await q.query('DROP INDEX sourcing.submissions_agency_status_updated_idx');
    await q.query('DROP INDEX sourcing.submissions_agency_requisition_updated_idx');
    // "sourced has a candidate" is the intake's rule (it writes both at once); the check went with the column.
    await q.query('ALTER TABLE sourcing.submissions DROP COLUMN status, DROP COLUMN updated_at');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("ALTER TABLE sourcing.submissions ADD COLUMN status text NOT NULL DEFAULT 'received' CHECK (status ~ '^[a-z][a-z-]{1,39}$'), ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()");
    await q.query('UPDATE sourcing.submissions s SET status = st.status, updated_at = st.updated_at FROM sourcing.submission_states st WHERE st.submission_id = s.id');
    await q.query('ALTER TABLE sourcing.submissions ALTER COLUMN status DROP DEFAULT');
    await q.query("ALTER TABLE sourcing.submissions ADD CONSTRAINT submissions_check CHECK (status <> 'sourced' OR candidate_id IS NOT NULL)");
    await q.query('CREATE INDEX submissions_agency_updated_idx ON sourcing.submissions (agency_id, updated_at, id)');
    await q.query('CREATE INDEX submissions_agency_status_updated_idx ON sourcing.submissions (agency_id, status, updated_at, id)');
    await q.query('CREATE INDEX submissions_agency_requisition_updated_idx ON sourcing.submissions (agency_id, requisition_id, updated_at, id)');
    await q.query('DROP TABLE sourcing.submission_states');
  }
}
