import { CandidateKeysClient } from '../personal-data/candidate-keys.client';
import { Module } from '@nestjs/common';
import { InterviewFeedbackController } from '../feedback/interview-feedback.controller';
import { InterviewFeedbackHandler } from '../feedback/interview-feedback.handler';
import { InterviewFeedbackRepository } from '../feedback/interview-feedback.repository';
import { RecordInterviewFeedbackService } from '../feedback/record-interview-feedback.service';
import { InterviewerRepository } from '../interviewers/interviewer.repository';
import { InterviewersController } from '../interviewers/interviewers.controller';
import { ManageInterviewersService } from '../interviewers/manage-interviewers.service';
import { Transactions } from '@hiring/platform';
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
  controllers: [ScreeningsController, InterviewersController, InterviewFeedbackController],
  providers: [
    Transactions,
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
    InterviewerRepository,
    ManageInterviewersService,
    InterviewFeedbackRepository,
    RecordInterviewFeedbackService,
    InterviewFeedbackHandler,
  ],
})
export class ScreeningModule {}
