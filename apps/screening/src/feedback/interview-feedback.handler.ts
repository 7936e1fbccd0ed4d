import { Injectable } from '@nestjs/common';
import { EVENT_TYPES, TOPICS, type InterviewFeedbackEvent } from '@hiring/contracts';
import { ConsumeEvents, type ConsumedEvent } from '@hiring/messaging';
import type { Tx } from '@hiring/platform';
import { CandidateKeysClient } from '../personal-data/candidate-keys.client';
import type { CandidateKeys } from '../personal-data/open-sourced-profiles';
import { RecordInterviewFeedbackService } from './record-interview-feedback.service';

@Injectable()
export class InterviewFeedbackHandler {
  constructor(
    private readonly recordFeedback: RecordInterviewFeedbackService,
    private readonly candidateKeys: CandidateKeysClient,
  ) {}

  /** One key lookup for the chunk (erasures, and the key the notes must open with), before its transaction opens. */
  fetchKeys(events: ConsumedEvent<InterviewFeedbackEvent>[]): Promise<CandidateKeys> {
    return this.candidateKeys.lookup(events.map((e) => e.data.candidateId));
  }

  /** A refusal dead-letters its event with the reason. */
  @ConsumeEvents({ topic: TOPICS.interviewFeedback, types: [EVENT_TYPES.interviewFeedback], prepare: 'fetchKeys' })
  async handle(events: ConsumedEvent<InterviewFeedbackEvent>[], tx: Tx, keys: CandidateKeys): Promise<void> {
    await this.recordFeedback.execute(tx, events.map((e) => e.data), keys);
  }
}
