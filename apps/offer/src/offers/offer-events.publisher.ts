// The offer service's outgoing events, behind one port. Callers pass the
// transaction that holds the state change so that, once @hiring/messaging
// lands, the event is enqueued in the outbox atomically with it.
import { Injectable } from '@nestjs/common';
import type { Currency, LocationTier, Money, OfferOverride, TargetRole } from '@hiring/domain';
import type { Tx } from '../database/transaction';
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
  /** null on a currency mismatch (no conversion, so no gap); see the report on the contract. */
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
  // TODO(outbox): Outbox.enqueue(tx, [buildEvent('recruiting.offer-decided.v1', { source: 'offer', subject: data.candidateId, data })])
  async offerDecided(_tx: Tx, _data: OfferDecidedData): Promise<void> {
    // Nothing is written until @hiring/messaging's outbox lands.
  }

  // TODO(outbox): Outbox.enqueue(tx, [buildEvent('recruiting.offer-guidance.v1', { source: 'offer', subject: data.candidateId, data })])
  async offerGuidance(_tx: Tx, _data: OfferGuidanceData): Promise<void> {
    // Nothing is written until @hiring/messaging's outbox lands.
  }
}
