// recruiting.candidate-erased.v1: a candidate exercised erasure. Every service
// deletes what it holds about them, and producers of compacted topics write a
// tombstone (null value) under the candidate id.
import { Identifier, ShortText, Timestamp } from './field-rules';

export class CandidateErasedEvent {
  @Identifier() candidateId!: string;
  @Timestamp() erasedAt!: string;
  /** Who asked (an operator id or `candidate`), for the audit trail; never the candidate's identity. */
  @ShortText() requestedBy!: string;
}
