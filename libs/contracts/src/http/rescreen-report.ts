// The answer of screening's POST /v1/rescreen, which the CLI prints: one
// declaration for the service that writes it and the client that reads it.
import type { ScreeningDecision } from '../events/vocabulary';

export interface RescreenChange {
  candidateId: string;
  /** Decision of the latest stored screening; null when there was none. */
  from: ScreeningDecision | null;
  to: ScreeningDecision;
  fromRubricVersion: string | null;
  toRubricVersion: string;
  /** Rules whose verdict differs. */
  rules: string[];
}

export interface RescreenReport {
  dryRun: boolean;
  rubricVersion: string | null;
  /** Stored candidates looked at. */
  total: number;
  /** Candidates whose role has no rubric of the requested version (left as they are). */
  skipped: number;
  /** Screenings written (new rubric version or changed verdicts); 0 on a dry run. */
  stored: number;
  /** candidate-screened events written to the outbox; 0 on a dry run. */
  published: number;
  /**
   * Candidates whose latest stored screening predates per-rule states
   * (rows of rubric 2026-03 stored before shown / contradicted / not yet
   * known existed): their stored verdicts say met or not, nothing more.
   */
  withoutRuleState: number;
  changed: RescreenChange[];
}
