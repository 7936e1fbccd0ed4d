// Explicit mappers at the screening service's boundaries:
// candidate-sourced payload -> domain input; domain result -> stored screening;
// stored screening -> candidate-screened payload and HTTP response.
//
// The hot ones build on the fresh ref with Object.assign, not `{ ...ref, more }`:
// on this Node (20, V8 11.3) an object literal that starts with a spread and
// adds properties costs ~1 us per added property (toScreening's eight were
// 12 us per candidate); Object.assign gives the same keys in the same order
// for ~0.1 us (docs/performance.md, lane 13b).
import type { CandidateScreenedEvent, CandidateSourcedEvent } from '@hiring/contracts';
import {
  candidateRefOf,
  validateCandidateProfile,
  type CandidateProfile,
  type InterviewKit,
  type LocationTier,
  type RuleOutcome,
  type ScreeningDecision,
  type ScreeningResult,
  type TargetRole,
} from '@hiring/domain';
import { openProfile } from '../personal-data/sealed-screening';
import { ScreeningException, ScreeningExceptionCode } from '../shared/screening.exception';
import type { CandidateProfileEntity } from './candidate-profile.entity';
import type { ScreeningEntity } from './screening.entity';
import type { CandidateInput, Screening } from './screening.model';

/**
 * candidate-sourced -> what the rubric reads. The payload was validated by the
 * contract; the domain checks the profile again with its own schema, and the
 * event's role and location must agree with the profile's.
 */
export function toCandidateInput(data: CandidateSourcedEvent): CandidateInput {
  const profile = toCandidateProfile(data.profile);
  if (profile.targetRole !== data.role || profile.locationTier !== data.locationTier) {
    throw new ScreeningException(ScreeningExceptionCode.INCONSISTENT_EVENT, 'event role/locationTier disagree with the profile', [
      ...(profile.targetRole !== data.role ? [{ path: 'data.role', message: `is ${data.role}, profile.targetRole is ${profile.targetRole}` }] : []),
      ...(profile.locationTier !== data.locationTier
        ? [{ path: 'data.locationTier', message: `is ${data.locationTier}, profile.locationTier is ${profile.locationTier}` }]
        : []),
    ]);
  }
  return Object.assign(candidateRefOf(data), { profile, sourcedAt: new Date(data.sourcedAt) });
}

/**
 * The payload checked by the domain's profile schema (the one ajv setup).
 * Every caller passes parsed JSON (an opened sealed profile, an event's data,
 * a jsonb column) and the check does not modify it, so it is not copied first.
 */
export function toCandidateProfile(payload: unknown): CandidateProfile {
  const checked = validateCandidateProfile(payload);
  if (!checked.ok) {
    throw new ScreeningException(
      ScreeningExceptionCode.INVALID_PROFILE,
      'profile fails the domain profile check',
      checked.errors.map((e) => ({ path: `data.profile.${e.path}`.replace(/\.$/, ''), message: e.message })),
    );
  }
  return checked.value;
}

/** A stored profile back to the screening input: opened with the candidate's key (a row from before sealing needs none). */
export function toCandidateInputFromEntity(entity: CandidateProfileEntity, dataKey: Buffer | undefined): CandidateInput {
  let payload: unknown = entity.profile;
  if (entity.sealedProfile !== null) {
    if (!dataKey) throw new Error(`no data key for the sealed profile of ${entity.candidateId}: the caller skips erased candidates`);
    payload = openProfile(dataKey, entity.candidateId, entity.sealedProfile);
  }
  return {
    ...candidateRefOf(entity),
    profile: toCandidateProfile(payload),
    sourcedAt: entity.sourcedAt,
  };
}

export function toScreening(input: CandidateInput, result: ScreeningResult, screenedAt: Date, revision = 0): Screening {
  return Object.assign(candidateRefOf(input), {
    rubricId: result.rubricId,
    rubricVersion: result.rubricVersion,
    decision: result.decision,
    rules: result.rules,
    reasons: result.reasons,
    interviewKit: result.interviewKit,
    screenedAt,
    revision,
  });
}

/** A stored screening: evidence and probes still sealed in `sealedDetail` (openScreening puts them back). */
export type ScreeningRow = Screening & { sealedDetail: string | null };

export function toScreeningFromEntity(entity: ScreeningEntity): ScreeningRow {
  return {
    ...candidateRefOf(entity),
    rubricId: entity.rubricId,
    rubricVersion: entity.rubricVersion,
    decision: entity.decision as ScreeningDecision,
    rules: entity.rules as RuleOutcome[],
    reasons: entity.reasons as string[],
    interviewKit: entity.interviewKit as InterviewKit,
    screenedAt: entity.screenedAt,
    revision: entity.revision,
    sealedDetail: entity.sealedDetail,
  };
}

export function toCandidateScreenedEvent(screening: Screening): CandidateScreenedEvent {
  return Object.assign(candidateRefOf(screening), {
    decision: screening.decision,
    rubric: { id: screening.rubricId, version: screening.rubricVersion },
    // Ids, states and counts only: evidence quotes and probe questions stay in screening's database.
    rules: screening.rules.map((rule) => ({
      ruleId: rule.ruleId,
      kind: rule.group === 'red-flag' ? ('red-flag' as const) : ('signal' as const),
      group: rule.group,
      met: rule.met,
      state: rule.state,
      thin: rule.thin,
    })),
    counts: countRules(screening.rules),
    interviewKit: [...screening.interviewKit.ruleIds],
    screenedAt: screening.screenedAt.toISOString(),
    revision: screening.revision,
  });
}

function countRules(rules: readonly RuleOutcome[]): CandidateScreenedEvent['counts'] {
  const count = (test: (r: RuleOutcome) => boolean) => rules.filter(test).length;
  const signal = (r: RuleOutcome) => r.group !== 'red-flag';
  return {
    technicalShown: count((r) => r.group === 'technical' && r.state === 'shown'),
    technicalTotal: count((r) => r.group === 'technical'),
    leadershipShown: count((r) => r.group === 'leadership' && r.state === 'shown'),
    leadershipTotal: count((r) => r.group === 'leadership'),
    redFlagsRaised: count((r) => r.group === 'red-flag' && r.state === 'shown'),
    contradicted: count((r) => signal(r) && r.state === 'contradicted'),
    notYetKnown: count((r) => signal(r) && r.state === 'not-yet-known'),
  };
}

export interface ScreeningView {
  rubric: { id: string; version: string };
  decision: ScreeningDecision;
  reasons: string[];
  rules: Array<{ ruleId: string; group: string; met: boolean; state: string; thin: boolean; evidence: string[] }>;
  interviewKit: InterviewKit;
  submissionId: string;
  agencyId: string;
  requisitionId: string;
  role: TargetRole;
  locationTier: LocationTier;
  screenedAt: string;
  revision: number;
}

export function toScreeningView(screening: Screening): ScreeningView {
  return {
    rubric: { id: screening.rubricId, version: screening.rubricVersion },
    decision: screening.decision,
    reasons: screening.reasons,
    rules: screening.rules.map((r) => ({ ruleId: r.ruleId, group: r.group, met: r.met, state: r.state, thin: r.thin, evidence: r.evidence })),
    interviewKit: screening.interviewKit,
    submissionId: screening.submissionId,
    agencyId: screening.agencyId,
    requisitionId: screening.requisitionId,
    role: screening.role,
    locationTier: screening.locationTier,
    screenedAt: screening.screenedAt.toISOString(),
    revision: screening.revision,
  };
}

/** Rule ids whose verdict differs between two screenings (a rule missing on one side counts as changed). */
export function changedRules(before: readonly RuleOutcome[], after: readonly RuleOutcome[]): string[] {
  const was = new Map(before.map((r) => [r.ruleId as string, r.met]));
  const now = new Map(after.map((r) => [r.ruleId as string, r.met]));
  const ids = new Set([...was.keys(), ...now.keys()]);
  return [...ids].filter((id) => was.get(id) !== now.get(id));
}
