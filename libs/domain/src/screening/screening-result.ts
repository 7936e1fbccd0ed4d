import type { TargetRole } from '../shared/roles';
import type { RuleGroup, ScreeningRuleId } from './rule-ids';

export type ScreeningDecision = 'advance' | 'review' | 'reject';

/**
 * One rule's verdict. For a signal, `met` means the candidate shows it; for a
 * red flag, `met` means the flag is raised. `evidence` quotes the profile
 * items that decided it, so a recruiter can check the verdict by hand.
 */
export interface RuleOutcome {
  ruleId: ScreeningRuleId;
  group: RuleGroup;
  met: boolean;
  evidence: string[];
  rubricId: string;
  rubricVersion: string;
}

export interface ScreeningResult {
  role: TargetRole;
  decision: ScreeningDecision;
  rubricId: string;
  rubricVersion: string;
  rules: RuleOutcome[];
  summary: {
    technicalMet: number;
    technicalTotal: number;
    leadershipMet: number;
    leadershipTotal: number;
    redFlagsRaised: ScreeningRuleId[];
  };
  /** Why the decision came out as it did, naming rule ids and the rubric version. */
  reasons: string[];
}
