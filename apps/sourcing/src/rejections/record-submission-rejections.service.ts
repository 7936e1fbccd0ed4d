// "A Kafka submission of yours was dead-lettered": runs in the consumer's
// transaction (with the inbox claim of the dead letters), so a rejection is
// recorded once, and its webhook to the agency is queued in the same `tx`.
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { verifySubmissionSignature } from '@hiring/contracts';
import type { DeadLetter } from '@hiring/messaging';
import { Clock } from '@hiring/platform';
import { AgencyRepository } from '../agencies/agency.repository';
import type { Tx } from '@hiring/platform';
import { agencyReason, claimOfDeadLetter, type SubmissionRejection } from './submission-rejection';
import { deadLetteredNotice } from '../webhooks/webhook-notices.mapper';
import { WebhookOutbox } from '../webhooks/webhook-outbox.repository';
import { SubmissionRejectionRepository } from './submission-rejection.repository';

@Injectable()
export class RecordSubmissionRejectionsService {
  constructor(
    private readonly agencies: AgencyRepository,
    private readonly rejections: SubmissionRejectionRepository,
    private readonly webhooks: WebhookOutbox,
    private readonly clock: Clock,
  ) {}

  /**
   * Records each dead letter whose signature verifies with its agency's
   * secret; the others are nobody's to be told. Returns the rejections newly
   * recorded (a dead letter seen before is not returned again).
   */
  async execute(tx: Tx, letters: readonly DeadLetter[]): Promise<SubmissionRejection[]> {
    const now = this.clock.now();
    const claims = letters.flatMap((l) => claimOfDeadLetter(l, now) ?? []);
    if (claims.length === 0) return [];
    const secrets = new Map((await this.agencies.findByIds(claims.map((c) => c.agencyId))).map((a) => [a.id, a.signingSecret]));
    const attributed = claims.filter((c) => {
      const secret = secrets.get(c.agencyId);
      return secret !== undefined && verifySubmissionSignature(c.data, c.signature, secret);
    });
    const rows = attributed.map((c): SubmissionRejection => ({
      id: randomUUID(),
      agencyId: c.agencyId,
      externalId: c.externalId,
      eventId: c.eventId,
      reasonCode: c.reasonCode,
      ...agencyReason(c.reasonCode, c.errors),
      deadLetter: c.deadLetter,
      rejectedAt: c.rejectedAt,
    }));
    const recorded = await this.rejections.insertMany(tx, rows, now);
    await this.webhooks.enqueue(tx, recorded.map(deadLetteredNotice));
    return recorded;
  }
}
