import { Module } from '@nestjs/common';
import { AgenciesModule } from '../agencies/agencies.module';
import { SharedModule } from '../shared/shared.module';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { ListSubmissionRejectionsService } from './list-submission-rejections.service';
import { RecordSubmissionRejectionsService } from './record-submission-rejections.service';
import { SubmissionDeadLettersHandler } from './submission-dead-letters.handler';
import { SubmissionRejectionRepository } from './submission-rejection.repository';

/** Dead-lettered Kafka submissions, recorded per agency; listed under /v1/submissions/rejections (SubmissionsModule). */
@Module({
  imports: [AgenciesModule, SharedModule, WebhooksModule],
  providers: [SubmissionRejectionRepository, RecordSubmissionRejectionsService, SubmissionDeadLettersHandler, ListSubmissionRejectionsService],
  exports: [ListSubmissionRejectionsService],
})
export class RejectionsModule {}
