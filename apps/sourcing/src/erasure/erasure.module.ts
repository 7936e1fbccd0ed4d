import { Module } from '@nestjs/common';
import { PersonalDataModule } from '../personal-data/personal-data.module';
import { SubmissionsModule } from '../submissions/submissions.module';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { EraseCandidateService } from './erase-candidate.service';
import { ErasureController } from './erasure.controller';
import { ErasureRepository } from './erasure.repository';

@Module({
  imports: [SubmissionsModule, PersonalDataModule, WebhooksModule],
  controllers: [ErasureController],
  providers: [ErasureRepository, EraseCandidateService],
})
export class ErasureModule {}
