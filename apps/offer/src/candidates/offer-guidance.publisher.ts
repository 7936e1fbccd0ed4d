// The guidance an eligible candidate's recruiter gets (the band of the rate
// card in force), on a compacted topic keyed by candidate: published when a
// score makes the candidate eligible, erased with a tombstone. Enqueued in the
// outbox in the caller's transaction.
import { Injectable } from '@nestjs/common';
import { EVENT_TYPES, TOPICS } from '@hiring/contracts';
import { EventPublisher } from '@hiring/messaging';
import type { Currency, LocationTier, TargetRole } from '@hiring/domain';
import type { Tx } from '@hiring/platform';

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
export class OfferGuidancePublisher {
  constructor(private readonly events: EventPublisher) {}

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
