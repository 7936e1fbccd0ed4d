// On erasure the offer service forgets who may receive an offer, remembers
// the candidate id as erased (so a later candidate-scored event, replayed or
// redelivered, cannot make them eligible again) and removes the candidate's
// guidance from its compacted topic. Offers themselves stay:
// they hold a candidate id and amounts, no identity, and are the audit trail
// of pay decisions (the id no longer resolves to a person once sourcing erased it).
import { Injectable } from '@nestjs/common';
import { EventPublisher } from '@hiring/messaging';
import type { Tx } from '@hiring/platform';
import { CandidateEligibilityRepository } from './candidate-eligibility.repository';
import { OfferGuidancePublisher } from './offer-guidance.publisher';

@Injectable()
export class EraseCandidateService {
  constructor(
    private readonly candidates: CandidateEligibilityRepository,
    private readonly publisher: OfferGuidancePublisher,
    private readonly events: EventPublisher,
  ) {}

  async execute(tx: Tx, candidateId: string): Promise<void> {
    await this.candidates.lock(tx, [candidateId]);
    // Remembered first: a candidate-scored event replayed or redelivered after this is ignored.
    await this.candidates.markErased(tx, candidateId);
    if (await this.candidates.delete(tx, candidateId)) await this.publisher.guidanceTombstone(tx, candidateId);
    // Events of the candidate the relay parked (refused by Kafka as too large) go too.
    await this.events.eraseParked(tx, [candidateId]);
  }
}
