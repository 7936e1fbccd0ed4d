// The service's own view of a candidate and a screening: domain types plus the
// ids that travel with them. Entities map to these and never leave the repository.
import type { CandidateProfile, CandidateRef, InterviewKit, RuleOutcome, ScreeningDecision } from '@hiring/domain';

/** What screening needs to (re-)screen a candidate: the ids and the profile from candidate-sourced. */
export interface CandidateInput extends CandidateRef {
  profile: CandidateProfile;
  sourcedAt: Date;
  /**
   * The profile as the candidate-sourced event carried it, sealed with the
   * candidate's key in the same context screening stores it under: stored as
   * it came instead of sealing the profile again.
   */
  sealedProfile?: string;
}

export interface Screening extends CandidateRef {
  rubricId: string;
  rubricVersion: string;
  decision: ScreeningDecision;
  rules: RuleOutcome[];
  reasons: string[];
  /** Probes for what is not yet shown; ids travel in the event, the questions stay here. */
  interviewKit: InterviewKit;
  screenedAt: Date;
  /** 0: the profile alone; n: the profile plus the feedback of n interviews. */
  revision: number;
}
