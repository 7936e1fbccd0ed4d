import { Injectable, Logger } from '@nestjs/common';
import { EVENT_TYPES, TOPICS, type CandidateSourcedEvent } from '@hiring/contracts';
import { ConsumeEvents, type ConsumedEvent } from '@hiring/messaging';
import type { Tx } from '@hiring/platform';
import { CandidateKeysClient } from '../personal-data/candidate-keys.client';
import { candidateIdsOf, openSourcedProfile, type CandidateKeys } from '../personal-data/open-sourced-profiles';
import { ScreenCandidateService } from './screen-candidate.service';
import { toCandidateInput } from './screening.mapper';

@Injectable()
export class CandidateSourcedHandler {
  private readonly logger = new Logger(CandidateSourcedHandler.name);

  constructor(
    private readonly screenCandidate: ScreenCandidateService,
    private readonly candidateKeys: CandidateKeysClient,
  ) {}

  /**
   * One key lookup for the whole chunk, run by the consumer before the chunk's
   * transaction opens: a slow sourcing holds no connection or inbox lock here.
   */
  fetchKeys(events: ConsumedEvent<CandidateSourcedEvent>[]): Promise<CandidateKeys> {
    return this.candidateKeys.lookup(candidateIdsOf(events.map((e) => e.data)));
  }

  @ConsumeEvents({ topic: TOPICS.candidateSourced, types: [EVENT_TYPES.candidateSourced], prepare: 'fetchKeys' })
  async handle(events: ConsumedEvent<CandidateSourcedEvent>[], tx: Tx, keys: CandidateKeys): Promise<void> {
    const opened = events.map((e) => ({ event: e, opened: openSourcedProfile(e.data, keys) }));
    const erased = opened.filter((o) => o.opened.kind === 'erased');
    if (erased.length > 0) this.logger.log(`${erased.length} candidate-sourced event(s) of erased candidates skipped`);
    const readable = opened.flatMap((o) => (o.opened.kind === 'open' ? [{ event: o.event, data: o.opened.data }] : []));
    if (readable.length === 0) return;
    // The event's sealed profile just opened with the candidate's key in the
    // context screening stores it under: it is kept as it came, not sealed again.
    const inputs = readable.map((r) => Object.assign(toCandidateInput(r.data), { sealedProfile: r.event.data.sealedProfile }));
    const correlationIds = new Map(readable.filter((r) => r.event.correlationId).map((r) => [r.data.candidateId, r.event.correlationId as string]));
    await this.screenCandidate.execute(tx, inputs, keys.keys, correlationIds);
  }
}
