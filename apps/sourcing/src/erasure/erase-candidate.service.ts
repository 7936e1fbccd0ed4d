// Erasure starts here, where the identity lives: sourcing blanks it in the
// same transaction as the `candidate-erased` event, and every other service
// deletes what it holds when that event reaches it (scoring and offer also
// tombstone their compacted topics).
import { Injectable } from '@nestjs/common';
import { Clock } from '@hiring/platform';
import { CandidateKeyRepository } from '../personal-data/candidate-key.repository';
import { IntakePurger } from '../personal-data/intake-purge.reader';
import { SourcingException, SourcingExceptionCode } from '../shared/sourcing.exception';
import { SourcingEventsPublisher } from '../submissions/sourcing-events.publisher';
import { SubmissionRepository } from '../submissions/submission.repository';
import { WebhookLogRepository } from '../webhooks/webhook-log.repository';
import { ErasureRecord, ErasureRepository } from './erasure.repository';

export interface ErasureOutcome {
  erasure: ErasureRecord;
  /** false when the candidate had already been erased: nothing was done again (but the intake is purged again). */
  erasedNow: boolean;
  /** The intake topics (agencies' clear text) were purged past everything they held at the erasure. */
  intakePurged: boolean;
}

@Injectable()
export class EraseCandidateService {
  constructor(
    private readonly submissions: SubmissionRepository,
    private readonly erasures: ErasureRepository,
    private readonly events: SourcingEventsPublisher,
    private readonly clock: Clock,
    private readonly keys: CandidateKeyRepository,
    private readonly webhooks: WebhookLogRepository,
    private readonly intake: IntakePurger,
  ) {}

  async execute(candidateId: string, requestedBy: string): Promise<ErasureOutcome> {
    const outcome = await this.eraseStored(candidateId, requestedBy);
    // After the commit: the agencies' own records of the person (the submissions topic, in clear,
    // and its dead letters) cannot be sealed after the fact, so they are deleted once consumed.
    const intakePurged = await this.intake.purgeAfterErasure();
    return { ...outcome, intakePurged };
  }

  private eraseStored(candidateId: string, requestedBy: string): Promise<Omit<ErasureOutcome, 'intakePurged'>> {
    return this.submissions.transaction(async (tx) => {
      if (!(await this.erasures.lockCandidate(tx, candidateId))) {
        throw new SourcingException(SourcingExceptionCode.CANDIDATE_NOT_FOUND, `No candidate ${candidateId}.`);
      }
      const earlier = await this.erasures.find(tx, candidateId);
      if (earlier) return { erasure: earlier, erasedNow: false };
      // Destroying the data key is what reaches the copies we cannot delete: published events
      // on their topics, dead letters and the other services' backups hold only ciphertext sealed with it
      // (a restore of sourcing's own backup brings keys back: docs/sourcing.md, "Restoring sourcing from a backup").
      const dataKeyDestroyed = await this.keys.destroy(tx, candidateId);
      const erasure = { candidateId, requestedBy, erasedAt: this.clock.now(), dataKeyDestroyed };
      await this.erasures.erase(tx, erasure);
      // Nothing more about the person goes to an agency, and nothing already sent can be redelivered.
      await this.webhooks.eraseCandidate(tx, candidateId, erasure.erasedAt);
      await this.events.candidateErased(tx, { candidateId, requestedBy, erasedAt: erasure.erasedAt.toISOString() });
      return { erasure, erasedNow: true };
    });
  }
}
