import { Injectable } from '@nestjs/common';
import { entityManagerOf, packValues, preparedStatement, runPrepared, textSlice, type Tx } from '@hiring/platform';
import { DataSource } from 'typeorm';
import { CandidateProfileEntity } from './candidate-profile.entity';
import { ScreeningEntity } from './screening.entity';
import { keyOf, sealProfile, type StoredScreening } from '../personal-data/sealed-screening';
import { toScreeningFromEntity, type ScreeningRow } from './screening.mapper';
import type { CandidateInput } from './screening.model';

/**
 * The sealed texts (~3.5 KB profile, ~4 KB detail per row) arrive packed in
 * one binary parameter (packValues), not as text[] literals Postgres parses
 * with array_in: 45 -> 9 us of Postgres CPU per value
 * (tools/bench/packed-values.ts --sealed).
 */
const SAVE_PROFILES = preparedStatement(`INSERT INTO screening.candidate_profiles
    (candidate_id, submission_id, agency_id, requisition_id, role, location_tier, sealed_profile, sourced_at)
  SELECT u.candidate_id, u.submission_id, u.agency_id, u.requisition_id, u.role, u.location_tier, ${textSlice('$7', 'u.start', 'u.length')}, u.sourced_at
    FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $8::int[], $9::int[], $10::timestamptz[])
      AS u (candidate_id, submission_id, agency_id, requisition_id, role, location_tier, start, length, sourced_at)
  ON CONFLICT (candidate_id) DO UPDATE SET
    submission_id = excluded.submission_id, agency_id = excluded.agency_id, requisition_id = excluded.requisition_id,
    role = excluded.role, location_tier = excluded.location_tier, profile = NULL, sealed_profile = excluded.sealed_profile,
    sourced_at = excluded.sourced_at, updated_at = now()
  WHERE candidate_profiles.sourced_at <= excluded.sourced_at
  RETURNING candidate_id`);

/**
 * The jsonb columns (rules, reasons, interview kit) arrive as one JSON array
 * each, not as jsonb[] parameters: node-postgres writes a jsonb[] as an array
 * literal, escaping every quote of every element (a rule list is ~2 KB of
 * JSON), which cost screening ~30 us of CPU per row (docs/performance.md,
 * lane 13b). `elements` takes them apart again in the order they were sent.
 */
const elements = (param: string) => `(SELECT array_agg(e ORDER BY i) FROM jsonb_array_elements(${param}::jsonb) WITH ORDINALITY AS x(e, i))`;
const SAVE_SCREENINGS = preparedStatement(`INSERT INTO screening.screenings
    (candidate_id, submission_id, agency_id, requisition_id, role, location_tier, rubric_id, rubric_version, decision, rules, reasons, screened_at, interview_kit, revision,
     sealed_detail, detail_digest)
  SELECT u.candidate_id, u.submission_id, u.agency_id, u.requisition_id, u.role, u.location_tier, u.rubric_id, u.rubric_version, u.decision, u.rules, u.reasons,
         u.screened_at, u.interview_kit, u.revision, ${textSlice('$15', 'u.start', 'u.length')}, u.detail_digest
    FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], ${elements('$10')}, ${elements('$11')},
                $12::timestamptz[], ${elements('$13')}, $14::int[], $16::int[], $17::int[], $18::text[])
      AS u (candidate_id, submission_id, agency_id, requisition_id, role, location_tier, rubric_id, rubric_version, decision, rules, reasons,
            screened_at, interview_kit, revision, start, length, detail_digest)
  ON CONFLICT ON CONSTRAINT screenings_candidate_rubric_revision_uq DO UPDATE SET
    submission_id = excluded.submission_id, agency_id = excluded.agency_id, requisition_id = excluded.requisition_id,
    role = excluded.role, location_tier = excluded.location_tier, rubric_id = excluded.rubric_id,
    decision = excluded.decision, rules = excluded.rules, reasons = excluded.reasons, screened_at = excluded.screened_at,
    interview_kit = excluded.interview_kit, sealed_detail = excluded.sealed_detail, detail_digest = excluded.detail_digest
  WHERE (screenings.decision, screenings.rules, screenings.detail_digest, screenings.submission_id, screenings.requisition_id, screenings.location_tier)
        IS DISTINCT FROM (excluded.decision, excluded.rules, excluded.detail_digest, excluded.submission_id, excluded.requisition_id, excluded.location_tier)
  RETURNING candidate_id`);

/** One JSON array of the values, in order: what `elements` reads. */
const jsonArrayOf = <T>(items: readonly T[], value: (item: T) => unknown): string => `[${items.map((item) => JSON.stringify(value(item))).join(',')}]`;

/**
 * Candidate profiles and screenings in schema "screening". Writes are one
 * multi-row statement per batch; idempotency is in the constraints.
 */
@Injectable()
export class ScreeningRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Stores the latest profile of each candidate (one row per candidate in
   * `inputs`), sealed with the candidate's key from `keys` (every input needs
   * one). A profile older than the stored one is ignored; returns the ids
   * whose profile is now the one given.
   */
  async saveProfiles(tx: Tx, inputs: readonly CandidateInput[], keys: ReadonlyMap<string, Buffer>): Promise<Set<string>> {
    if (inputs.length === 0) return new Set();
    const sealed = packValues(inputs.map((i) => i.sealedProfile ?? sealProfile(keyOf(keys, i.candidateId), i.candidateId, i.profile)));
    const rows = await runPrepared<{ candidate_id: string }>(tx, SAVE_PROFILES, [
      inputs.map((i) => i.candidateId),
      inputs.map((i) => i.submissionId),
      inputs.map((i) => i.agencyId),
      inputs.map((i) => i.requisitionId),
      inputs.map((i) => i.role),
      inputs.map((i) => i.locationTier),
      sealed.bytes,
      sealed.starts,
      sealed.lengths,
      inputs.map((i) => i.sourcedAt.toISOString()),
    ]);
    return new Set(rows.map((r) => r.candidate_id));
  }

  /**
   * One row per (candidate, rubric version, revision), sealed (sealScreening).
   * Re-storing the same verdicts and words (same detail digest) is a no-op;
   * returns the candidate ids whose row was inserted or changed, the ones worth an event.
   */
  async saveScreenings(tx: Tx, screenings: readonly StoredScreening[]): Promise<Set<string>> {
    if (screenings.length === 0) return new Set();
    const details = packValues(screenings.map((s) => s.sealedDetail));
    const rows = await runPrepared<{ candidate_id: string }>(tx, SAVE_SCREENINGS, [
      screenings.map((s) => s.candidateId),
      screenings.map((s) => s.submissionId),
      screenings.map((s) => s.agencyId),
      screenings.map((s) => s.requisitionId),
      screenings.map((s) => s.role),
      screenings.map((s) => s.locationTier),
      screenings.map((s) => s.rubricId),
      screenings.map((s) => s.rubricVersion),
      screenings.map((s) => s.decision),
      jsonArrayOf(screenings, (s) => s.rules),
      jsonArrayOf(screenings, (s) => s.reasons),
      screenings.map((s) => s.screenedAt.toISOString()),
      jsonArrayOf(screenings, (s) => s.interviewKit),
      screenings.map((s) => s.revision),
      details.bytes,
      details.starts,
      details.lengths,
      screenings.map((s) => s.detailDigest),
    ]);
    return new Set(rows.map((r) => r.candidate_id));
  }

  /** The most recent screening of each candidate that has one (still sealed: verdicts only). */
  async findLatest(tx: Tx, candidateIds: readonly string[]): Promise<Map<string, ScreeningRow>> {
    if (candidateIds.length === 0) return new Map();
    const entities = await entityManagerOf(tx)
      .getRepository(ScreeningEntity)
      .createQueryBuilder('s')
      .distinctOn(['s.candidate_id'])
      .where('s.candidate_id = ANY(:ids)', { ids: [...candidateIds] })
      .orderBy('s.candidate_id')
      .addOrderBy('s.screened_at', 'DESC')
      .addOrderBy('s.id', 'DESC')
      .getMany();
    return new Map(entities.map((e) => [e.candidateId, toScreeningFromEntity(e)]));
  }

  /** The stored profiles of these candidates (the ones screening knows). */
  async findProfiles(tx: Tx, candidateIds: readonly string[]): Promise<Map<string, CandidateProfileEntity>> {
    if (candidateIds.length === 0) return new Map();
    const entities = await entityManagerOf(tx).getRepository(CandidateProfileEntity).createQueryBuilder('p').where('p.candidate_id = ANY(:ids)', { ids: [...candidateIds] }).getMany();
    return new Map(entities.map((e) => [e.candidateId, e]));
  }

  /** Every screening of a candidate, newest first, still sealed (openScreening). */
  async findHistory(candidateId: string): Promise<ScreeningRow[]> {
    const entities = await this.dataSource.getRepository(ScreeningEntity).find({
      where: { candidateId },
      order: { screenedAt: 'DESC', id: 'DESC' },
    });
    return entities.map(toScreeningFromEntity);
  }

  /** Stored profiles in candidate id order after `afterCandidateId` (keyset paging: constant cost per page). */
  pageProfiles(tx: Tx, afterCandidateId: string | null, limit: number): Promise<CandidateProfileEntity[]> {
    const qb = entityManagerOf(tx).getRepository(CandidateProfileEntity).createQueryBuilder('p').orderBy('p.candidate_id', 'ASC').limit(limit);
    if (afterCandidateId !== null) qb.where('p.candidate_id > :after', { after: afterCandidateId });
    return qb.getMany();
  }

  /** Erasure: the stored profile (free text is personal data), the interview feedback and every screening of these candidates. */
  async deleteCandidates(tx: Tx, candidateIds: readonly string[]): Promise<void> {
    if (candidateIds.length === 0) return;
    await entityManagerOf(tx).query('DELETE FROM screening.interview_feedback WHERE candidate_id = ANY($1::text[])', [candidateIds]);
    await entityManagerOf(tx).query('DELETE FROM screening.screenings WHERE candidate_id = ANY($1::text[])', [candidateIds]);
    await entityManagerOf(tx).query('DELETE FROM screening.candidate_profiles WHERE candidate_id = ANY($1::text[])', [candidateIds]);
  }
}
