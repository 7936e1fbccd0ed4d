import { Module } from '@nestjs/common';
import { CandidateErasedHandler } from './candidate-erased.handler';
import { CandidateScreenedHandler } from './candidate-screened.handler';
import { EraseCandidateScoreService } from './erase-candidate-score.service';
import { GetScoreService } from './get-score.service';
import { RubricCatalogue } from './rubric-catalogue';
import { ScoreCandidateService } from './score-candidate.service';
import { ScoreRepository } from './score.repository';
import { ScoredTopicPublisher } from './scored-topic.publisher';
import { ScoresController } from './scores.controller';

@Module({
  controllers: [ScoresController],
  providers: [
    RubricCatalogue,
    ScoreRepository,
    ScoredTopicPublisher,
    ScoreCandidateService,
    EraseCandidateScoreService,
    GetScoreService,
    CandidateScreenedHandler,
    CandidateErasedHandler,
  ],
})
export class ScoringModule {}
