import { Module } from '@nestjs/common';
import { MonitorPageController } from '../page/monitor-page.controller';
import { MonitorSessionGuard } from '../page/monitor-session.guard';
import { MonitorSessionsService } from '../page/monitor-sessions.service';
import { BrokerBacklogReader } from './broker-backlog.reader';
import { CandidateStageRepository } from './candidate-stage.repository';
import { DeadLetterListReader } from './dead-letter-list.reader';
import { DirectoryReader } from './directory.reader';
import { GetPipelineSnapshotService } from './get-pipeline-snapshot.service';
import { PipelineController } from './pipeline.controller';
import { PipelineMetrics } from './pipeline.metrics';
import { PipelineStreams } from './pipeline-streams';
import { StageEventsHandler } from './stage-events.handler';
import { StageProgressWriter } from './stage-progress-writer';

@Module({
  controllers: [PipelineController, MonitorPageController],
  providers: [
    CandidateStageRepository,
    StageProgressWriter,
    StageEventsHandler,
    BrokerBacklogReader,
    GetPipelineSnapshotService,
    DirectoryReader,
    DeadLetterListReader,
    PipelineStreams,
    PipelineMetrics,
    MonitorSessionsService,
    MonitorSessionGuard,
  ],
})
export class PipelineModule {}
