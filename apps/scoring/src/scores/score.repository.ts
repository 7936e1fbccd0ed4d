import { Injectable } from '@nestjs/common';
import { entityManagerOf, lockEntities, packValues, preparedStatement, runPrepared, textSlice, type Tx } from '@hiring/platform';
import { DataSource } from 'typeorm';
import { ScoreEntity } from './score.entity';
import { toScoreFromEntity } from './score.mapper';
import type { ScoreRecord } from './score.model';

/**
 * Screenings and erasures of one candidate arrive on different topics and may
 * be handled at the same moment: without a lock, a score inserted by an
 * uncommitted screening escapes the erasure's DELETE and survives it.
 */
export const CANDIDATE_LOCK_SCOPE = 'scoring.candidate';

/** One statement per batch, planned once per connection. */
const SAVE_LATEST = preparedStatement(`INSERT INTO scoring.scores
    (candidate_id, submission_id, agency_id, requisition_id, role, location_tier, score, raw_score, breakdown, penalties,
     decision, rubric_id, rubric_version, screened_at, scored_at)
  SELECT u.candidate_id, u.submission_id, u.agency_id, u.requisition_id, u.role, u.location_tier, u.score, u.raw_score,
         ${textSlice('$9', 'u.breakdown_start', 'u.breakdown_length')}::jsonb, ${textSlice('$9', 'u.penalties_start', 'u.penalties_length')}::jsonb,
         u.decision, u.rubric_id, u.rubric_version, u.screened_at, u.scored_at
    FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::int[], $10::int[], $11::int[], $12::int[], $13::int[],
                $14::text[], $15::text[], $16::text[], $17::timestamptz[], $18::timestamptz[])
      AS u (candidate_id, submission_id, agency_id, requisition_id, role, location_tier, score, raw_score, breakdown_start, breakdown_length,
            penalties_start, penalties_length, decision, rubric_id, rubric_version, screened_at, scored_at)
  -- An erased candidate stays erased, whatever screening event arrives later.
  WHERE NOT EXISTS (SELECT 1 FROM scoring.erased_candidates e WHERE e.candidate_id = u.candidate_id)
  ON CONFLICT (candidate_id) DO UPDATE SET
    submission_id = excluded.submission_id, agency_id = excluded.agency_id, requisition_id = excluded.requisition_id,
    role = excluded.role, location_tier = excluded.location_tier, score = excluded.score, raw_score = excluded.raw_score,
    breakdown = excluded.breakdown, penalties = excluded.penalties, decision = excluded.decision,
    rubric_id = excluded.rubric_id, rubric_version = excluded.rubric_version,
    screened_at = excluded.screened_at, scored_at = excluded.scored_at
  WHERE scores.screened_at < excluded.screened_at
  RETURNING candidate_id`);

@Injectable()
export class ScoreRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Upserts the latest score of each candidate (one record per candidate).
   * A record for an older screening than the stored one changes nothing, and
   * neither does the same screening again, nor any screening of an erased
   * candidate; returns the ids actually written.
   */
  async saveLatest(tx: Tx, records: readonly ScoreRecord[]): Promise<Set<string>> {
    if (records.length === 0) return new Set();
    await lockEntities(tx, CANDIDATE_LOCK_SCOPE, records.map((r) => r.candidateId));
    // The breakdowns (~1.4 KB of JSON each) and penalties in one binary parameter, not two jsonb[]
    // literals escaped here and parsed by array_in (see packValues): all breakdowns, then all penalties.
    const json = packValues([...records.map((r) => JSON.stringify(r.breakdown)), ...records.map((r) => JSON.stringify(r.penalties))]);
    const rows = await runPrepared<{ candidate_id: string }>(tx, SAVE_LATEST,
      [
        records.map((r) => r.candidateId),
        records.map((r) => r.submissionId),
        records.map((r) => r.agencyId),
        records.map((r) => r.requisitionId),
        records.map((r) => r.role),
        records.map((r) => r.locationTier),
        records.map((r) => r.score),
        records.map((r) => r.raw),
        json.bytes,
        json.starts.slice(0, records.length),
        json.lengths.slice(0, records.length),
        json.starts.slice(records.length),
        json.lengths.slice(records.length),
        records.map((r) => r.decision),
        records.map((r) => r.rubricId),
        records.map((r) => r.rubricVersion),
        records.map((r) => r.screenedAt.toISOString()),
        records.map((r) => r.scoredAt.toISOString()),
      ],
    );
    return new Set(rows.map((r) => r.candidate_id));
  }

  async find(candidateId: string): Promise<ScoreRecord | undefined> {
    const entity = await this.dataSource.getRepository(ScoreEntity).findOneBy({ candidateId });
    return entity ? toScoreFromEntity(entity) : undefined;
  }

  /**
   * Erasure: remembers the candidates as erased (so no later screening scores
   * them again) and deletes their scores. Returns the ids erased by this call,
   * not already erased before (a redelivered or replayed erasure).
   */
  async erase(tx: Tx, candidateIds: readonly string[]): Promise<Set<string>> {
    if (candidateIds.length === 0) return new Set();
    await lockEntities(tx, CANDIDATE_LOCK_SCOPE, candidateIds);
    const marked: Array<{ candidate_id: string }> = await entityManagerOf(tx).query(
      `INSERT INTO scoring.erased_candidates (candidate_id) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING RETURNING candidate_id`,
      [candidateIds],
    );
    await entityManagerOf(tx).query('DELETE FROM scoring.scores WHERE candidate_id = ANY($1::text[])', [candidateIds]);
    return new Set(marked.map((r) => r.candidate_id));
  }
}
