import { Module } from '@nestjs/common';
import { RateCardsModule } from '../rate-cards/rate-cards.module';
import { CandidateEligibilityEntity } from './candidate-eligibility.entity';
import { CandidateEligibility } from './candidate-eligibility.port';
import { CandidateEligibilityRepository } from './candidate-eligibility.repository';
import { CandidateScoredHandler } from './candidate-scored.handler';
import { EraseCandidateService } from './erase-candidate.service';
import { OfferGuidancePublisher } from './offer-guidance.publisher';
import { RecordCandidateScoreService } from './record-candidate-score.service';

/** Who may receive an offer (from scores and erasures) and the guidance it causes; offers read it through CandidateEligibility. */
@Module({
  imports: [RateCardsModule],
  providers: [CandidateEligibilityRepository, CandidateEligibility, OfferGuidancePublisher, RecordCandidateScoreService, EraseCandidateService, CandidateScoredHandler],
  exports: [CandidateEligibility],
})
export class CandidatesModule {
  static readonly entities = [CandidateEligibilityEntity];
}
