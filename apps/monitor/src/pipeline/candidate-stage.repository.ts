import { Injectable } from '@nestjs/common';
import { asTx, entityManagerOf, type Tx } from '@hiring/platform';
import { DataSource } from 'typeorm';
import { durations, type CandidateCohort, type Durations, type StepDurations } from './pipeline-stats';
import type { StagePatch } from './stage-progress';
import type { Period, TimelineBucketCounts, TimelineFrame } from './pipeline-views';

export interface PipelineFilter {
  agencyId?: string;
  requisitionId?: string;
  role?: string;
  /** Candidates that entered the pipeline within it (pipeline-views periodStart). */
  period?: Period;
}

/** What the snapshot reads: the filters, and the start of the period (null for all time). */
export interface SnapshotScope {
  agencyId?: string;
  requisitionId?: string;
  role?: string;
  since: Date | null;
}

interface CohortSql {
  agency_id: string | null;
  requisition_id: string | null;
  sourced: boolean;
  screened: boolean;
  screening_decision: CandidateCohort['screeningDecision'];
  scored: boolean;
  score_decision: CandidateCohort['scoreDecision'];
  offer_decided: boolean;
  offer_decision: CandidateCohort['offerDecision'];
  candidates: number;
  offers_refused: number;
  first_sourced_at: Date | null;
  first_qualified_at: Date | null;
  first_seen_at: Date | null;
}

/**
 * When a candidate entered the pipeline: the earliest of its stage times
 * (LEAST ignores NULL; NULL when none). The period filter keeps candidates
 * whose entry is at or after the period's start (pipeline-views periodStart).
 */
const FIRST_SEEN = 'LEAST(sourced_at, screened_at, scored_at, offer_decided_at)';

/**
 * end − start in ms (float8), a negative gap (clock skew) as 0, as elapsedMs
 * in pipeline-stats.ts; NULL unless both times are known (both comparisons
 * are NULL then). date_part on the interval is float8 arithmetic on its
 * microseconds; extract() answers numeric, which cost three quarters of the
 * step and timeline queries (docs/performance.md, lane 16a). Rounded to the
 * millisecond, so exact: the read model's times come from JS Dates, whole
 * milliseconds, and the float error is far below half of one.
 */
const elapsed = (start: string, end: string) =>
  `CASE WHEN ${end} > ${start} THEN round(date_part('epoch', ${end} - ${start}) * 1000) WHEN ${end} <= ${start} THEN 0::float8 END`;

/**
 * Median and p90 of the values, as `percentile` in pipeline-stats.ts (linear
 * interpolation between closest ranks, float8): NULLs are ignored.
 */
const medianAndP90 = (value: string) => `percentile_cont(ARRAY[0.5, 0.9]::float8[]) WITHIN GROUP (ORDER BY ${value})`;

/** $1..$4: agency, requisition, role, period start (each NULL for "any"). */
const IN_SCOPE = `($1::text IS NULL OR agency_id = $1) AND ($2::text IS NULL OR requisition_id = $2) AND ($3::text IS NULL OR role = $3)
          AND ($4::timestamptz IS NULL OR ${FIRST_SEEN} >= $4)`;

const scopeParams = (scope: SnapshotScope) => [scope.agencyId ?? null, scope.requisitionId ?? null, scope.role ?? null, scope.since ? scope.since.toISOString() : null];

/** A count and what medianAndP90 answered (NULL when there was no value). */
const toDurations = (count: number, values: number[] | null): Durations => ({ count, medianMs: values?.[0] ?? null, p90Ms: values?.[1] ?? null });

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

  /**
   * The candidates in scope as cohorts: one line per agency, requisition,
   * stages reached and latest decisions, with counts and earliest times. The
   * answer grows with agencies × requisitions × decisions, not with the
   * candidates (those are read and grouped in Postgres). Ordered, so the
   * page's decision tallies come in the same key order on every read; by
   * bytes (COLLATE "C"): the same groups, and sorting ids by the locale's
   * rules cost a third of the query.
   */
  async cohorts(scope: SnapshotScope): Promise<CandidateCohort[]> {
    const found: CohortSql[] = await this.dataSource.query(
      `SELECT agency_id COLLATE "C" AS agency_id, requisition_id COLLATE "C" AS requisition_id, sourced_at IS NOT NULL AS sourced,
              screened_at IS NOT NULL AS screened, screening_decision COLLATE "C" AS screening_decision, scored_at IS NOT NULL AS scored,
              score_decision COLLATE "C" AS score_decision, offer_decided_at IS NOT NULL AS offer_decided, offer_decision COLLATE "C" AS offer_decision,
              count(*)::int AS candidates, sum(cardinality(refused_offer_ids))::int AS offers_refused,
              min(sourced_at) AS first_sourced_at, min(qualified_at) AS first_qualified_at, min(${FIRST_SEEN}) AS first_seen_at
         FROM monitor.candidate_stages
        WHERE ${IN_SCOPE}
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
        ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9`,
      scopeParams(scope),
    );
    return found.map((c) => ({
      agencyId: c.agency_id,
      requisitionId: c.requisition_id,
      sourced: c.sourced,
      screened: c.screened,
      screeningDecision: c.screening_decision,
      scored: c.scored,
      scoreDecision: c.score_decision,
      offerDecided: c.offer_decided,
      offerDecision: c.offer_decision,
      candidates: c.candidates,
      offersRefused: c.offers_refused,
      firstSourcedAt: c.first_sourced_at,
      firstQualifiedAt: c.first_qualified_at,
      firstSeenAt: c.first_seen_at,
    }));
  }

  /** Time in each step over the candidates in scope with both times: count, median and p90, computed where the rows are. */
  async stepDurations(scope: SnapshotScope): Promise<StepDurations> {
    const [found]: Array<{ an: number; ap: number[] | null; bn: number; bp: number[] | null; cn: number; cp: number[] | null }> = await this.dataSource.query(
      `SELECT count(a)::int AS an, ${medianAndP90('a')} AS ap, count(b)::int AS bn, ${medianAndP90('b')} AS bp,
              count(c)::int AS cn, ${medianAndP90('c')} AS cp
         FROM (SELECT ${elapsed('sourced_at', 'screened_at')} AS a, ${elapsed('screened_at', 'scored_at')} AS b,
                      ${elapsed('scored_at', 'offer_decided_at')} AS c
                 FROM monitor.candidate_stages WHERE ${IN_SCOPE}) AS d`,
      scopeParams(scope),
    );
    return { sourcedToScreened: toDurations(found.an, found.ap), screenedToScored: toDurations(found.bn, found.bp), scoredToOfferDecided: toDurations(found.cn, found.cp) };
  }

  /**
   * Per bucket of the frame, each stage counted in the bucket its time falls
   * in (floor((t − start) / size), as the frame defines): arrivals by
   * sourced_at, screenings (screened in: advance or review) with sourced →
   * screened times by screened_at, offers by offer_decided_at. Empty buckets are absent.
   *
   * Three passes over the rows in scope, each grouped its own way (arrivals
   * and offers hashed, screenings sorted for their percentiles). One pass
   * with the three stage times unnested per row was measured slower: its
   * percentiles make Postgres sort every stage's rows together.
   */
  async timelineBuckets(scope: SnapshotScope, frame: TimelineFrame): Promise<TimelineBucketCounts[]> {
    // The frame's range as times first (a cheap comparison that skips most rows of a short period), then the bucket's
    // start once per row: date_bin is integer arithmetic on the time (the frame starts on a bucket boundary).
    const inFrame = (col: string) => `date_bin($5::bigint * interval '1 millisecond', ${col}, $6::timestamptz) AS i FROM monitor.candidate_stages
                                        WHERE ${IN_SCOPE} AND ${col} >= $6::timestamptz AND ${col} < $7::timestamptz`;
    const found: Array<{ stage: 'arrivals' | 'screened' | 'offers'; i: Date; n: number; m: number; timed: number; to_screening: number[] | null }> = await this.dataSource.query(
      `SELECT 'arrivals' AS stage, i, count(*)::int AS n, 0 AS m, 0 AS timed, NULL::float8[] AS to_screening
         FROM (SELECT ${inFrame('sourced_at')}) AS b GROUP BY i
       UNION ALL
       SELECT 'screened', i, count(*)::int, count(*) FILTER (WHERE screening_decision IN ('advance', 'review'))::int, count(a)::int, ${medianAndP90('a')}
         FROM (SELECT screening_decision, ${elapsed('sourced_at', 'screened_at')} AS a, ${inFrame('screened_at')}) AS b GROUP BY i
       UNION ALL
       SELECT 'offers', i, count(*) FILTER (WHERE offer_decision = 'approved')::int, count(*) FILTER (WHERE offer_decision = 'refused')::int, 0, NULL
         FROM (SELECT offer_decision, ${inFrame('offer_decided_at')}) AS b GROUP BY i`,
      [...scopeParams(scope), frame.sizeMs, new Date(frame.startMs).toISOString(), new Date(frame.startMs + frame.count * frame.sizeMs).toISOString()],
    );
    const byIndex = new Map<number, TimelineBucketCounts>();
    const at = (i: number) => {
      let b = byIndex.get(i);
      if (!b) byIndex.set(i, (b = { index: i, arrivals: 0, screened: 0, screenedIn: 0, offersApproved: 0, offersRefused: 0, toScreening: durations([]) }));
      return b;
    };
    for (const row of found) {
      // Bucket starts are whole buckets after the frame's start: the division is exact.
      const b = at((row.i.getTime() - frame.startMs) / frame.sizeMs);
      if (row.stage === 'arrivals') b.arrivals = row.n;
      if (row.stage === 'screened') Object.assign(b, { screened: row.n, screenedIn: row.m, toScreening: toDurations(row.timed, row.to_screening) });
      if (row.stage === 'offers') Object.assign(b, { offersApproved: row.n, offersRefused: row.m });
    }
    return [...byIndex.values()];
  }

  /**
   * First submission on each requisition by any agency (not narrowed by an
   * agency filter): per requisition the first entry of the (requisition_id,
   * sourced_at) index, instead of reading every candidate of the requisitions.
   */
  async requisitionStarts(requisitionIds: readonly string[]): Promise<Map<string, Date>> {
    if (requisitionIds.length === 0) return new Map();
    const found: Array<{ requisition_id: string; first: Date }> = await this.dataSource.query(
      `SELECT r.requisition_id, f.first
         FROM unnest($1::text[]) AS r(requisition_id)
        CROSS JOIN LATERAL (SELECT min(s.sourced_at) AS first FROM monitor.candidate_stages s WHERE s.requisition_id = r.requisition_id) AS f
        WHERE f.first IS NOT NULL`,
      [[...new Set(requisitionIds)]],
    );
    return new Map(found.map((r) => [r.requisition_id, r.first]));
  }
}
