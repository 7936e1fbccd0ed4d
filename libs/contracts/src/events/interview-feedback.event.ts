// recruiting.interview-feedback.v1: an interviewer's answers to the interview
// kit, per rule id, and their communication rating. Screening re-decides the
// candidate with them. The notes are free text about the candidate: they
// travel only in `sealedNotes`, sealed with the candidate's data key, so an
// erasure (which destroys the key) makes every copy unreadable, on this
// topic, its dead letters and in screening's table alike.
import { Identifier, IntegerBetween, NestedList, OneOf, Optional, Sealed, Timestamp } from './field-rules';
import { FEEDBACK_OUTCOMES, type FeedbackOutcome } from './vocabulary';

/** One answer per rubric rule at most; rubrics have twelve rules today. */
export const MAX_FEEDBACK_ANSWERS = 50;
/** A note is a short justification, not a transcript. */
export const FEEDBACK_NOTE_MAX_LENGTH = 500;
/** Authenticated context of `sealedNotes`: `<candidateId>:interview-notes`. */
export const interviewNotesContext = (candidateId: string): string => `${candidateId}:interview-notes`;

export class RuleAnswerPayload {
  @Identifier() ruleId!: string;
  /** confirmed: the interview established it (a red flag: raised). not-confirmed: it spoke against it (a red flag: ruled out). */
  @OneOf(FEEDBACK_OUTCOMES) outcome!: FeedbackOutcome;
}

export class InterviewFeedbackEvent {
  /** The interview tool's id of this feedback: recorded once, a second one with the same id is a duplicate. */
  @Identifier() feedbackId!: string;
  @Identifier() candidateId!: string;
  /** An interviewer registered with screening (POST /v1/interviewers) and active. */
  @Identifier() interviewerId!: string;
  @Timestamp() interviewedAt!: string;
  /** 1 (takes effort to follow) to 5 (effortless). */
  @IntegerBetween(1, 5) communicationRating!: number;
  @NestedList(() => RuleAnswerPayload, MAX_FEEDBACK_ANSWERS) answers!: RuleAnswerPayload[];
  /** Personal data, sealed: `{"<ruleId>": "<note>"}` as JSON with the candidate's data key (context `<candidateId>:interview-notes`). */
  @Optional() @Sealed() sealedNotes?: string;
}
