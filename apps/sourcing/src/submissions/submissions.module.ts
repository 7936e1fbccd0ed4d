import { Module } from '@nestjs/common';
import { AgenciesModule } from '../agencies/agencies.module';
import { PersonalDataModule } from '../personal-data/personal-data.module';
import { RejectionsModule } from '../rejections/rejections.module';
import { RequisitionsModule } from '../requisitions/requisitions.module';
import { SharedModule } from '../shared/shared.module';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { CandidateRepository } from './candidate.repository';
import { DuplicateRepository } from './duplicate.repository';
import { GetSubmissionService } from './get-submission.service';
import { IntakeLookupRepository } from './intake-lookup.repository';
import { ListDuplicatesService } from './list-duplicates.service';
import { ListSubmissionsService } from './list-submissions.service';
import { OpsSubmissionsController } from './ops-submissions.controller';
import { ownershipRulesProvider } from './ownership-rules.provider';
import { SingleSubmissionGroups } from './single-submission-groups';
import { SourcingEventsPublisher } from './sourcing-events.publisher';
import { SubmissionGroupMetrics } from './submission-group.metrics';
import { SubmissionEventsHandler } from './submission-events.handler';
import { SubmissionIntakeService } from './submission-intake.service';
import { SubmissionRepository } from './submission.repository';
import { SubmissionsController } from './submissions.controller';
import { SubmitBulkService } from './submit-bulk.service';
import { SubmitCandidateService } from './submit-candidate.service';
import { SubmitSignedSubmissionsService } from './submit-signed-submissions.service';

/** The intake (HTTP, bulk, signed Kafka events), ownership and duplicates, and the views of submissions. */
@Module({
  imports: [AgenciesModule, RequisitionsModule, PersonalDataModule, WebhooksModule, RejectionsModule, SharedModule],
  controllers: [SubmissionsController, OpsSubmissionsController],
  providers: [
    ownershipRulesProvider,
    SubmissionRepository,
    IntakeLookupRepository,
    CandidateRepository,
    DuplicateRepository,
    SourcingEventsPublisher,
    SubmissionIntakeService,
    { provide: SubmissionGroupMetrics, useFactory: () => new SubmissionGroupMetrics() },
    SingleSubmissionGroups,
    SubmitCandidateService,
    SubmitBulkService,
    SubmitSignedSubmissionsService,
    SubmissionEventsHandler,
    GetSubmissionService,
    ListDuplicatesService,
    ListSubmissionsService,
  ],
  exports: [SubmissionRepository, SourcingEventsPublisher],
})
export class SubmissionsModule {}
