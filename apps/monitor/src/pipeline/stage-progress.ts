// The read model's unit of change: what one consumed event says about how far
// a candidate got. A chunk of events is folded into one patch per candidate
// (a multi-row upsert cannot touch a row twice), with the same rules the
// upsert applies against the stored row: the earliest time per stage, the
// decision of the latest event of a stage, the union of refused offer ids.
// Every one of these merges is idempotent and insensitive to order, so the
// read model needs no inbox to count an event once (the monitor writes none).
import type { OfferDecision, ScreeningDecision, TargetRole } from '@hiring/contracts';

export type StageObservation =
  | { stage: 'sourced'; candidateId: string; agencyId: string; requisitionId: string; role: TargetRole; at: Date }
  | { stage: 'screened'; candidateId: string; agencyId: string; requisitionId: string; role: TargetRole; decision: ScreeningDecision; at: Date }
  | { stage: 'scored'; candidateId: string; agencyId: string; requisitionId: string; role: TargetRole; decision: ScreeningDecision; at: Date }
  | { stage: 'offer-decided'; candidateId: string; offerId: string; role: TargetRole; decision: OfferDecision; at: Date };

/** Columns of one candidate's row a chunk sets; undefined = this chunk says nothing about it. */
export interface StagePatch {
  candidateId: string;
  agencyId?: string;
  requisitionId?: string;
  role?: TargetRole;
  sourcedAt?: Date;
  screenedAt?: Date;
  screeningDecision?: ScreeningDecision;
  screeningDecisionAt?: Date;
  /** Earliest screening that let the candidate through (advance or review). */
  qualifiedAt?: Date;
  scoredAt?: Date;
  scoreDecision?: ScreeningDecision;
  scoreDecisionAt?: Date;
  offerDecidedAt?: Date;
  offerDecision?: OfferDecision;
  offerDecisionAt?: Date;
  /** Offers refused in this chunk (merged into the stored set). */
  refusedOfferIds: string[];
}

/** Screened in: the candidate goes on (advance) or a recruiter looks (review); needs-interview is not qualified yet. */
export function isQualified(decision: ScreeningDecision): boolean {
  return decision === 'advance' || decision === 'review';
}

function earliest(a: Date | undefined, b: Date): Date {
  return a && a.getTime() <= b.getTime() ? a : b;
}

/**
 * The later event's decision wins; on a tie of times the greater decision by
 * name, not the one read last, so the outcome does not depend on the order the
 * events are read or redelivered in (the upsert breaks ties the same way).
 */
function latest<D extends string>(current: { decision?: D; at?: Date }, decision: D, at: Date): { decision: D; at: Date } {
  if (current.at === undefined || current.decision === undefined) return { decision, at };
  const byTime = current.at.getTime() - at.getTime();
  if (byTime > 0 || (byTime === 0 && current.decision >= decision)) return { decision: current.decision, at: current.at };
  return { decision, at };
}

export function foldStageObservations(observations: readonly StageObservation[]): StagePatch[] {
  const patches = new Map<string, StagePatch>();
  for (const o of observations) {
    const p = patches.get(o.candidateId) ?? { candidateId: o.candidateId, refusedOfferIds: [] };
    patches.set(o.candidateId, p);
    p.role ??= o.role;
    if (o.stage !== 'offer-decided') {
      p.agencyId ??= o.agencyId;
      p.requisitionId ??= o.requisitionId;
    }
    switch (o.stage) {
      case 'sourced':
        p.sourcedAt = earliest(p.sourcedAt, o.at);
        break;
      case 'screened': {
        p.screenedAt = earliest(p.screenedAt, o.at);
        const d = latest({ decision: p.screeningDecision, at: p.screeningDecisionAt }, o.decision, o.at);
        p.screeningDecision = d.decision;
        p.screeningDecisionAt = d.at;
        if (isQualified(o.decision)) p.qualifiedAt = earliest(p.qualifiedAt, o.at);
        break;
      }
      case 'scored': {
        p.scoredAt = earliest(p.scoredAt, o.at);
        const d = latest({ decision: p.scoreDecision, at: p.scoreDecisionAt }, o.decision, o.at);
        p.scoreDecision = d.decision;
        p.scoreDecisionAt = d.at;
        break;
      }
      case 'offer-decided': {
        p.offerDecidedAt = earliest(p.offerDecidedAt, o.at);
        const d = latest({ decision: p.offerDecision, at: p.offerDecisionAt }, o.decision, o.at);
        p.offerDecision = d.decision;
        p.offerDecisionAt = d.at;
        if (o.decision === 'refused' && !p.refusedOfferIds.includes(o.offerId)) p.refusedOfferIds.push(o.offerId);
        break;
      }
      default: {
        const unreachable: never = o;
        throw new Error(`unknown stage ${JSON.stringify(unreachable)}`);
      }
    }
  }
  // Candidate id order: concurrent upserts (two topics, a redelivery) lock rows in the same order.
  return [...patches.values()].sort((a, b) => (a.candidateId < b.candidateId ? -1 : a.candidateId > b.candidateId ? 1 : 0));
}
