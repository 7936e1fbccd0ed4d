import { CandidateKeysClient } from '../personal-data/candidate-keys.client';
import { Module } from '@nestjs/common';
import { CandidateErasedHandler } from './candidate-erased.handler';
import { CandidateSourcedHandler } from './candidate-sourced.handler';
import { EraseCandidateService } from './erase-candidate.service';
import { GetScreeningsService } from './get-screenings.service';
import { RescreenCandidatesService } from './rescreen-candidates.service';
import { RubricCatalogue } from './rubric-catalogue';
import { ScreenCandidateService } from './screen-candidate.service';
import { ScreeningEventsPublisher } from './screening-events.publisher';
import { ScreeningRepository } from './screening.repository';
import { ScreeningsController } from './screenings.controller';

@Module({
  controllers: [ScreeningsController],
  providers: [
    RubricCatalogue,
    ScreeningRepository,
    ScreeningEventsPublisher,
    ScreenCandidateService,
    EraseCandidateService,
    GetScreeningsService,
    RescreenCandidatesService,
    CandidateKeysClient,
    CandidateSourcedHandler,
    CandidateErasedHandler,
  ],
})
export class ScreeningModule {}
