// The offer service's outgoing events, behind one port. Callers pass the
// transaction that holds the state change: the event is enqueued in the
// outbox atomically with it, and validated against the contract on the way out.
import { Injectable } from '@nestjs/common';
import { EVENT_TYPES, TOPICS } from '@hiring/contracts';
import { EventPublisher } from '@hiring/messaging';
import type { Currency, LocationTier, Money, OfferOverride, TargetRole } from '@hiring/domain';
import type { Tx } from '@hiring/platform';
import type { StoredOfferReason } from './offer.entity';

/** Payload of recruiting.offer-decided.v1. */
export interface OfferDecidedData {
  offerId: string;
  candidateId: string;
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

/** Payload of recruiting.offer-guidance.v1. */
export interface OfferGuidanceData {
  candidateId: string;
  role: TargetRole;
  locationTier: LocationTier;
  currency: Currency;
  base: { min: number; max: number };
  /** null when the rate card publishes no total-compensation figure (the general Technical Lead). */
  totalComp: { min: number; max: number | null } | null;
  rateCardVersion: string;
  issuedAt: string;
}

@Injectable()
export class OfferEventsPublisher {
  constructor(private readonly events: EventPublisher) {}

  async offerDecided(tx: Tx, data: OfferDecidedData): Promise<void> {
    await this.events.publish(tx, EVENT_TYPES.offerDecided, data);
  }

  /** Erases the candidate's guidance from the compacted guidance topic. */
  async guidanceTombstone(tx: Tx, candidateId: string): Promise<void> {
    await this.events.tombstones(tx, TOPICS.offerGuidance, [candidateId]);
  }

  async offerGuidance(tx: Tx, data: OfferGuidanceData): Promise<void> {
    await this.offerGuidances(tx, [data]);
  }

  /** One outbox insert for the guidance a whole consumed batch caused. */
  async offerGuidances(tx: Tx, data: readonly OfferGuidanceData[]): Promise<void> {
    if (data.length === 0) return;
    await this.events.publishAll(tx, EVENT_TYPES.offerGuidance, data.map((d) => ({ data: d })));
  }
}
