// Offers' outgoing event: the decision on a proposed or overridden offer,
// enqueued in the outbox in the transaction that stored it and validated
// against the contract on the way out.
import { Injectable } from '@nestjs/common';
import { EVENT_TYPES } from '@hiring/contracts';
import { EventPublisher } from '@hiring/messaging';
import type { LocationTier, Money, OfferOverride, TargetRole } from '@hiring/domain';
import type { Tx } from '@hiring/platform';
import type { StoredOfferReason } from './offer.entity';

/** Payload of recruiting.offer-decided.v1. */
export interface OfferDecidedData {
  offerId: string;
  candidateId: string;
  /** The submission the offer was made on; absent only for offers made before it was recorded. */
  submissionId?: string;
  role: TargetRole;
  locationTier: LocationTier;
  base: Money;
  decision: 'approved' | 'refused';
  floor: Money;
  /** null on a currency mismatch (no conversion, so no gap). */
  gap: number | null;
  reasons: StoredOfferReason[];
  rateCardVersion: string;
  override?: OfferOverride;
  decidedAt: string;
}

@Injectable()
export class OfferDecidedPublisher {
  constructor(private readonly events: EventPublisher) {}

  async offerDecided(tx: Tx, data: OfferDecidedData): Promise<void> {
    await this.events.publish(tx, EVENT_TYPES.offerDecided, data);
  }
}
