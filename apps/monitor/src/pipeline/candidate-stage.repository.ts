import { Injectable } from '@nestjs/common';
import { asTx, entityManagerOf, type Tx } from '@hiring/platform';
import { DataSource } from 'typeorm';
import type { CandidateStageRow } from './pipeline-stats';
import type { StagePatch } from './stage-progress';
import type { Period } from './pipeline-views';

export interface PipelineFilter {
  agencyId?: string;
  requisitionId?: string;
  role?: string;
  /** Applied to the rows after reading (see pipeline-views.ts). */
  period?: Period;
}

interface StageRowSql {
  candidate_id: string;
  agency_id: string | null;
  requisition_id: string | null;
  role: CandidateStageRow['role'];
  sourced_at: Date | null;
  screened_at: Date | null;
  screening_decision: CandidateStageRow['screeningDecision'];
  qualified_at: Date | null;
  scored_at: Date | null;
  score_decision: CandidateStageRow['scoreDecision'];
  offer_decided_at: Date | null;
  offer_decision: CandidateStageRow['offerDecision'];
  offers_refused: number;
}

const iso = (d: Date | undefined): string | null => (d ? d.toISOString() : null);

/**
 * The erasure fence. A candidate's stage events and its erasure come from
 * different topics, so two monitor instances (or a rebalance) can write them
 * at the same moment, and an upsert whose snapshot predates an erasure's
 * commit would not see the erased id and bring the row back. Every write of
 * stage rows first takes this lock shared (writers do not wait for each
 * other), an erasure takes it exclusive: it waits for the upserts in flight,
 * and an upsert that starts meanwhile waits for it, then runs in a snapshot
 * that sees the erased id. One lock per transaction, whatever the batch
 * size (a lock per candidate could fill Postgres' lock table with one large
 * group commit). Keyed as lockEntities keys its locks, so tests can watch it.
 */
export const ERASURE_FENCE = { scope: 'monitor.candidate_stages', id: 'erasure' } as const;
const FENCE_KEY = `hashtextextended('${ERASURE_FENCE.scope}:${ERASURE_FENCE.id}', 0)`;
const ENTER_FENCE_SHARED = `SELECT pg_advisory_xact_lock_shared(${FENCE_KEY})`;
const ENTER_FENCE_EXCLUSIVE = `SELECT pg_advisory_xact_lock(${FENCE_KEY})`;

/**
 * The later decision wins; the stored one stays when the incoming event is
 * older. On a tie of times the greater decision by name (byte order, as in
 * stage-progress.ts), so the result does not depend on the order of events.
 */
const decision = (col: string) =>
  `${col} = CASE WHEN excluded.${col}_at IS NOT NULL AND (s.${col}_at IS NULL OR excluded.${col}_at > s.${col}_at
                      OR (excluded.${col}_at = s.${col}_at AND excluded.${col} COLLATE "C" > s.${col} COLLATE "C"))
                 THEN excluded.${col} ELSE s.${col} END,
   ${col}_at = GREATEST(s.${col}_at, excluded.${col}_at)`;

@Injectable()
export class CandidateStageRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Erasures, then patches, in one transaction behind the erasure fence
   * (shared for patches alone, exclusive with an erasure); the upsert skips
   * the candidates erased, by this batch or by any erasure committed before.
   */
  async apply(erasures: ReadonlyArray<{ candidateId: string; erasedAt: Date }>, patches: readonly StagePatch[]): Promise<void> {
    if (erasures.length === 0 && patches.length === 0) return;
    await this.dataSource.transaction(async (manager) => {
      await this.erase(asTx(manager), erasures);
      await this.applyPatches(asTx(manager), patches);
    });
  }

  /**
   * One multi-row upsert for a chunk's patches (one per candidate). Times keep
   * the earliest value per stage (LEAST ignores NULL), ids are set once,
   * refused offer ids are a set union: applying the same events twice (a
   * second consumer group, a replay) changes nothing. Erased candidates are skipped.
   */
  async applyPatches(tx: Tx, patches: readonly StagePatch[]): Promise<void> {
    if (patches.length === 0) return;
    // In the caller's transaction: the fence is held until it commits. After an exclusive hold (erase) it is a no-op.
    await entityManagerOf(tx).query(ENTER_FENCE_SHARED);
    await entityManagerOf(tx).query(
      `INSERT INTO monitor.candidate_stages AS s
         (candidate_id, agency_id, requisition_id, role, sourced_at, screened_at, screening_decision, screening_decision_at, qualified_at,
          scored_at, score_decision, score_decision_at, offer_decided_at, offer_decision, offer_decision_at, refused_offer_ids)
       SELECT p.candidate_id, p.agency_id, p.requisition_id, p.role, p.sourced_at, p.screened_at, p.screening_decision, p.screening_decision_at,
              p.qualified_at, p.scored_at, p.score_decision, p.score_decision_at, p.offer_decided_at, p.offer_decision, p.offer_decision_at,
              CASE WHEN p.refused = '[]'::jsonb THEN '{}'::text[] ELSE ARRAY(SELECT jsonb_array_elements_text(p.refused)) END
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::timestamptz[], $7::text[], $8::timestamptz[],
                              $9::timestamptz[], $10::timestamptz[], $11::text[], $12::timestamptz[], $13::timestamptz[], $14::text[],
                              $15::timestamptz[], $16::jsonb[])
         AS p(candidate_id, agency_id, requisition_id, role, sourced_at, screened_at, screening_decision, screening_decision_at, qualified_at,
              scored_at, score_decision, score_decision_at, offer_decided_at, offer_decision, offer_decision_at, refused)
       WHERE NOT EXISTS (SELECT 1 FROM monitor.erased_candidates e WHERE e.candidate_id = p.candidate_id)
       ON CONFLICT (candidate_id) DO UPDATE SET
         agency_id = COALESCE(s.agency_id, excluded.agency_id),
         requisition_id = COALESCE(s.requisition_id, excluded.requisition_id),
         role = COALESCE(s.role, excluded.role),
         sourced_at = LEAST(s.sourced_at, excluded.sourced_at),
         screened_at = LEAST(s.screened_at, excluded.screened_at),
         ${decision('screening_decision')},
         qualified_at = LEAST(s.qualified_at, excluded.qualified_at),
         scored_at = LEAST(s.scored_at, excluded.scored_at),
         ${decision('score_decision')},
         offer_decided_at = LEAST(s.offer_decided_at, excluded.offer_decided_at),
         ${decision('offer_decision')},
         refused_offer_ids = CASE WHEN cardinality(excluded.refused_offer_ids) = 0 THEN s.refused_offer_ids
                                  ELSE ARRAY(SELECT DISTINCT x FROM unnest(s.refused_offer_ids || excluded.refused_offer_ids) AS x ORDER BY x) END,
         updated_at = now()`,
      [
        patches.map((p) => p.candidateId),
        patches.map((p) => p.agencyId ?? null),
        patches.map((p) => p.requisitionId ?? null),
        patches.map((p) => p.role ?? null),
        patches.map((p) => iso(p.sourcedAt)),
        patches.map((p) => iso(p.screenedAt)),
        patches.map((p) => p.screeningDecision ?? null),
        patches.map((p) => iso(p.screeningDecisionAt)),
        patches.map((p) => iso(p.qualifiedAt)),
        patches.map((p) => iso(p.scoredAt)),
        patches.map((p) => p.scoreDecision ?? null),
        patches.map((p) => iso(p.scoreDecisionAt)),
        patches.map((p) => iso(p.offerDecidedAt)),
        patches.map((p) => p.offerDecision ?? null),
        patches.map((p) => iso(p.offerDecisionAt)),
        patches.map((p) => JSON.stringify(p.refusedOfferIds)),
      ],
    );
  }

  /** Deletes the candidates' rows and remembers the ids so later events are ignored (in the caller's transaction, behind the fence). */
  async erase(tx: Tx, erasures: ReadonlyArray<{ candidateId: string; erasedAt: Date }>): Promise<void> {
    if (erasures.length === 0) return;
    await entityManagerOf(tx).query(ENTER_FENCE_EXCLUSIVE);
    await entityManagerOf(tx).query(
      `INSERT INTO monitor.erased_candidates (candidate_id, erased_at)
       SELECT * FROM unnest($1::text[], $2::timestamptz[]) ON CONFLICT (candidate_id) DO NOTHING`,
      [erasures.map((e) => e.candidateId), erasures.map((e) => e.erasedAt.toISOString())],
    );
    await entityManagerOf(tx).query('DELETE FROM monitor.candidate_stages WHERE candidate_id = ANY($1::text[])', [erasures.map((e) => e.candidateId)]);
  }

  /** The rows the numbers are computed from (ids, times, decisions: about 200 bytes a candidate). */
  async rows(filter: PipelineFilter): Promise<CandidateStageRow[]> {
    const found: StageRowSql[] = await this.dataSource.query(
      `SELECT candidate_id, agency_id, requisition_id, role, sourced_at, screened_at, screening_decision, qualified_at,
              scored_at, score_decision, offer_decided_at, offer_decision, cardinality(refused_offer_ids) AS offers_refused
         FROM monitor.candidate_stages
        WHERE ($1::text IS NULL OR agency_id = $1) AND ($2::text IS NULL OR requisition_id = $2) AND ($3::text IS NULL OR role = $3)`,
      [filter.agencyId ?? null, filter.requisitionId ?? null, filter.role ?? null],
    );
    return found.map((r) => ({
      candidateId: r.candidate_id,
      agencyId: r.agency_id,
      requisitionId: r.requisition_id,
      role: r.role,
      sourcedAt: r.sourced_at,
      screenedAt: r.screened_at,
      screeningDecision: r.screening_decision,
      qualifiedAt: r.qualified_at,
      scoredAt: r.scored_at,
      scoreDecision: r.score_decision,
      offerDecidedAt: r.offer_decided_at,
      offerDecision: r.offer_decision,
      offersRefused: r.offers_refused,
    }));
  }

  /** First submission on each requisition by any agency (not narrowed by an agency filter). */
  async requisitionStarts(requisitionIds: readonly string[]): Promise<Map<string, Date>> {
    if (requisitionIds.length === 0) return new Map();
    const found: Array<{ requisition_id: string; first: Date }> = await this.dataSource.query(
      `SELECT requisition_id, min(sourced_at) AS first FROM monitor.candidate_stages
        WHERE requisition_id = ANY($1::text[]) AND sourced_at IS NOT NULL GROUP BY requisition_id`,
      [[...new Set(requisitionIds)]],
    );
    return new Map(found.map((r) => [r.requisition_id, r.first]));
  }
}
