// Sourcing reads its own dead letters of the submissions topic, to tell each
// agency which of its signed Kafka submissions were refused and why. The
// records are read as dead letters (deadLetterDecoder), never as events: they
// are invalid by definition, and there is no dead-letter topic behind this one.
import { Injectable } from '@nestjs/common';
import { deadLetterTopic, TOPICS } from '@hiring/contracts';
import { ConsumeEvents, deadLetterDecoder, type ConsumedEvent, type DeadLetter } from '@hiring/messaging';
import type { Tx } from '@hiring/platform';
import { RecordSubmissionRejectionsService } from './record-submission-rejections.service';

@Injectable()
export class SubmissionDeadLettersHandler {
  constructor(private readonly record: RecordSubmissionRejectionsService) {}

  @ConsumeEvents({ topic: deadLetterTopic(TOPICS.submissions), decode: deadLetterDecoder })
  async handle(events: ConsumedEvent<DeadLetter>[], tx: Tx): Promise<void> {
    await this.record.execute(tx, events.map((e) => e.data));
  }
}
