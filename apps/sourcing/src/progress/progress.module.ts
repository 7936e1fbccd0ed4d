import { Module } from '@nestjs/common';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { PipelineProgressHandler } from './pipeline-progress.handler';
import { RecordPipelineProgressService } from './record-pipeline-progress.service';
import { SubmissionProgressRepository } from './submission-progress.repository';

/** Later stages of the pipeline (screened, scored, offer decided) written back to each submission's status. */
@Module({
  imports: [WebhooksModule],
  providers: [SubmissionProgressRepository, RecordPipelineProgressService, PipelineProgressHandler],
})
export class ProgressModule {}
