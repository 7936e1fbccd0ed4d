// The Kafka ingestion path: agencies produce signed `recruiting.submission.v1`
// events. The handler only reads the signature and the data as sent off each
// event; the use case authenticates and submits them.
import { Injectable } from '@nestjs/common';
import { AGENCY_SIGNATURE_ATTRIBUTE, EVENT_TYPES, TOPICS, type CloudEvent, type SubmissionEvent } from '@hiring/contracts';
import { ConsumeEvents, type ConsumedEvent } from '@hiring/messaging';
import { SubmitSignedSubmissionsService, type SignedSubmission } from './submit-signed-submissions.service';

@Injectable()
export class SubmissionEventsHandler {
  constructor(private readonly submitSigned: SubmitSignedSubmissionsService) {}

  /**
   * A refused event fails the chunk after the good ones are committed: the
   * transport retries each event alone, the good ones replay, and only the
   * refused one is dead-lettered, with its own reason.
   */
  @ConsumeEvents({ topic: TOPICS.submissions, types: [EVENT_TYPES.submission] })
  async handle(events: ConsumedEvent<SubmissionEvent>[]): Promise<void> {
    await this.submitSigned.execute(events.map(toSignedSubmission));
  }
}

function toSignedSubmission(event: ConsumedEvent<SubmissionEvent>): SignedSubmission {
  const envelope = event.envelope as CloudEvent<SubmissionEvent> & Record<string, unknown>;
  return { eventId: event.id, data: event.data, sentData: envelope.data, signature: envelope[AGENCY_SIGNATURE_ATTRIBUTE] };
}
