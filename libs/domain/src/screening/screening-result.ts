import type { TargetRole } from '../shared/roles';
import type { RuleGroup, ScreeningRuleId } from './rule-ids';

/** `needs-interview` (from 2026-12): nothing speaks against the candidate, but too little is known yet. */
export const SCREENING_DECISIONS = ['advance', 'review', 'needs-interview', 'reject'] as const;
export type ScreeningDecision = (typeof SCREENING_DECISIONS)[number];

/**
 * What the evidence says about one rule. For a signal: `shown` (the profile
 * demonstrates it), `contradicted` (the profile states facts against it),
 * `not-yet-known` (silence, placeholders: an interview should find out).
 * For a red flag: `shown` = raised, `contradicted` = the facts rule it out.
 */
export const SIGNAL_STATES = ['shown', 'contradicted', 'not-yet-known'] as const;
export type SignalState = (typeof SIGNAL_STATES)[number];

/**
 * One rule's verdict. For a signal, `met` means the candidate shows it; for a
 * red flag, `met` means the flag is raised (`met` is `state === 'shown'`).
 * `evidence` quotes the profile items the rule looked at and says why each
 * did or did not count, so a recruiter can check the verdict by hand.
 */
export interface RuleOutcome {
  ruleId: ScreeningRuleId;
  group: RuleGroup;
  met: boolean;
  state: SignalState;
  /** Shown, but on thin evidence: the interview kit probes it anyway. */
  thin: boolean;
  evidence: string[];
  rubricId: string;
  rubricVersion: string;
}

export interface ScreeningSummary {
  technicalMet: number;
  technicalTotal: number;
  leadershipMet: number;
  leadershipTotal: number;
  redFlagsRaised: ScreeningRuleId[];
  /** Signals (technical + leadership) stated against the candidate, and those not yet known. */
  contradicted: ScreeningRuleId[];
  notYetKnown: ScreeningRuleId[];
}

export interface ScreeningResult {
  role: TargetRole;
  decision: ScreeningDecision;
  rubricId: string;
  rubricVersion: string;
  rules: RuleOutcome[];
  summary: ScreeningSummary;
  /** Why the decision came out as it did, naming rule ids and the rubric version. */
  reasons: string[];
  /** What to ask in the interview: a probe for every signal not shown or shown thinly. */
  interviewKit: InterviewKit;
}

/** Why a rule is probed in the interview (see interview-kit.ts). */
export type ProbeReason = 'not-yet-known' | 'contradicted' | 'thin' | 'raised';

export interface InterviewProbe {
  ruleId: ScreeningRuleId;
  group: RuleGroup;
  reason: ProbeReason;
  ask: string;
}

export interface InterviewKit {
  /** The rule ids probed, in interview order: all an event carries of the kit. */
  ruleIds: ScreeningRuleId[];
  probes: InterviewProbe[];
}
