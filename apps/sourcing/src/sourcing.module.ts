import { Module } from '@nestjs/common';
import { MasterKeyRing } from '@hiring/platform';
import { CandidateKeyRepository } from './personal-data/candidate-key.repository';
import { CandidateKeysController } from './personal-data/candidate-keys.controller';
import { IdentifierIndex } from './personal-data/identifier-index';
import { MasterKeyUsageRepository } from './personal-data/master-key-usage.repository';
import { MasterKeysController } from './personal-data/master-keys.controller';
import { RewrapMasterKeysService } from './personal-data/rewrap-master-keys.service';
import { IntakePurger } from './personal-data/intake-purge.reader';
import { SourcingConfig } from './sourcing.config';
import { ListSubmissionRejectionsService } from './rejections/list-submission-rejections.service';
import { RecordSubmissionRejectionsService } from './rejections/record-submission-rejections.service';
import { SubmissionDeadLettersHandler } from './rejections/submission-dead-letters.handler';
import { SubmissionRejectionRepository } from './rejections/submission-rejection.repository';
import { ListCursorCodec } from './shared/list-cursor';
import { EraseCandidateService } from './erasure/erase-candidate.service';
import { ErasureController } from './erasure/erasure.controller';
import { ErasureRepository } from './erasure/erasure.repository';
import { PipelineProgressHandler } from './progress/pipeline-progress.handler';
import { RecordPipelineProgressService } from './progress/record-pipeline-progress.service';
import { SubmissionProgressRepository } from './progress/submission-progress.repository';
import { AgenciesController } from './agencies/agencies.controller';
import { AgencyKeyGuard } from './agencies/agency-key.guard';
import { AgencyThrottlerGuard } from './agencies/agency-throttler.guard';
import { AgencyRepository } from './agencies/agency.repository';
import { AuthenticateAgencyService } from './agencies/authenticate-agency.service';
import { CreateAgencyService } from './agencies/create-agency.service';
import { FindAgenciesService } from './agencies/find-agencies.service';
import { IssueApiKeyService } from './agencies/issue-api-key.service';
import { RevokeApiKeyService } from './agencies/revoke-api-key.service';
import { RotateApiKeyService } from './agencies/rotate-api-key.service';
import { RotateSigningSecretService } from './agencies/rotate-signing-secret.service';
import { CloseRequisitionService } from './requisitions/close-requisition.service';
import { CreateRequisitionService } from './requisitions/create-requisition.service';
import { FindRequisitionsService } from './requisitions/find-requisitions.service';
import { RequisitionRepository } from './requisitions/requisition.repository';
import { AgencyRequisitionsController } from './requisitions/agency-requisitions.controller';
import { RequisitionsController } from './requisitions/requisitions.controller';
import { CandidateRepository } from './submissions/candidate.repository';
import { DuplicateRepository } from './submissions/duplicate.repository';
import { GetSubmissionService } from './submissions/get-submission.service';
import { ListDuplicatesService } from './submissions/list-duplicates.service';
import { ListSubmissionsService } from './submissions/list-submissions.service';
import { OpsSubmissionsController } from './submissions/ops-submissions.controller';
import { ownershipRulesProvider } from './submissions/ownership-rules.provider';
import { SourcingEventsPublisher } from './submissions/sourcing-events.publisher';
import { SubmissionEventsHandler } from './submissions/submission-events.handler';
import { SubmissionRepository } from './submissions/submission.repository';
import { SubmissionsController } from './submissions/submissions.controller';
import { SubmitBulkService } from './submissions/submit-bulk.service';
import { SubmissionIntakeService } from './submissions/submission-intake.service';
import { SubmitCandidateService } from './submissions/submit-candidate.service';
import { SubmitSignedSubmissionsService } from './submissions/submit-signed-submissions.service';
import { AgencyWebhooksController } from './webhooks/agency-webhooks.controller';
import { ManageWebhookEndpointsService } from './webhooks/manage-webhook-endpoints.service';
import { OpsWebhooksController } from './webhooks/ops-webhooks.controller';
import { WebhookDeliveriesService } from './webhooks/webhook-deliveries.service';
import { WebhooksModule } from './webhooks/webhooks.module';

/** Agencies and their keys, requisitions, submissions, duplicates and webhooks over HTTP. */
@Module({
  imports: [WebhooksModule],
  controllers: [
    AgenciesController,
    RequisitionsController,
    AgencyRequisitionsController,
    SubmissionsController,
    OpsSubmissionsController,
    ErasureController,
    CandidateKeysController,
    MasterKeysController,
    AgencyWebhooksController,
    OpsWebhooksController,
  ],
  providers: [
    { provide: MasterKeyRing, inject: [SourcingConfig], useFactory: (config: SourcingConfig) => MasterKeyRing.parse(config.PERSONAL_DATA_MASTER_KEYS) },
    { provide: IdentifierIndex, inject: [SourcingConfig], useFactory: (config: SourcingConfig) => new IdentifierIndex(config.PERSONAL_DATA_INDEX_KEY) },
    { provide: ListCursorCodec, inject: [MasterKeyRing], useFactory: (keys: MasterKeyRing) => new ListCursorCodec(keys.deriveKey('sourcing-list-cursor')) },
    CandidateKeyRepository,
    MasterKeyUsageRepository,
    RewrapMasterKeysService,
    IntakePurger,
    ownershipRulesProvider,
    AgencyRepository,
    RequisitionRepository,
    SubmissionRepository,
    CandidateRepository,
    DuplicateRepository,
    SourcingEventsPublisher,
    SubmissionEventsHandler,
    ErasureRepository,
    SubmissionProgressRepository,
    RecordPipelineProgressService,
    PipelineProgressHandler,
    EraseCandidateService,
    AuthenticateAgencyService,
    AgencyKeyGuard,
    AgencyThrottlerGuard,
    CreateAgencyService,
    FindAgenciesService,
    IssueApiKeyService,
    RotateApiKeyService,
    RevokeApiKeyService,
    RotateSigningSecretService,
    CreateRequisitionService,
    FindRequisitionsService,
    CloseRequisitionService,
    SubmissionIntakeService,
    SubmitCandidateService,
    SubmitBulkService,
    SubmitSignedSubmissionsService,
    GetSubmissionService,
    ListDuplicatesService,
    ManageWebhookEndpointsService,
    WebhookDeliveriesService,
    SubmissionRejectionRepository,
    RecordSubmissionRejectionsService,
    SubmissionDeadLettersHandler,
    ListSubmissionRejectionsService,
    ListSubmissionsService,
  ],
  exports: [SourcingEventsPublisher, SubmitCandidateService, AgencyRepository],
})
export class SourcingModule {}
