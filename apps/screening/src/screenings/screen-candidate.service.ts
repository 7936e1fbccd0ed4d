import { Injectable } from '@nestjs/common';
import { screenWithFeedback } from '@hiring/domain';
import { Clock, type Tx } from '@hiring/platform';
import { InterviewFeedbackRepository } from '../feedback/interview-feedback.repository';
import { keyOf, sealScreening } from '../personal-data/sealed-screening';
import { RubricCatalogue } from './rubric-catalogue';
import { ScreeningEventsPublisher } from './screening-events.publisher';
import { toScreening } from './screening.mapper';
import type { CandidateInput } from './screening.model';
import { ScreeningRepository } from './screening.repository';

export interface ScreenCandidatesOutcome {
  screened: number;
  published: number;
}

/**
 * Screens sourced candidates with the rubric in force for their role (and the
 * interview feedback recorded for them, if any): keeps the profile for
 * replays, stores the screening with per-rule evidence (both sealed with the
 * candidate's data key) and
 * emits candidate-screened, all in the caller's transaction.
 */
@Injectable()
export class ScreenCandidateService {
  constructor(
    private readonly repository: ScreeningRepository,
    private readonly rubrics: RubricCatalogue,
    private readonly publisher: ScreeningEventsPublisher,
    private readonly feedback: InterviewFeedbackRepository,
    private readonly clock: Clock,
  ) {}

  /** `keys`: the data key of every candidate in `inputs` (fetched before the transaction), sealing what is stored. */
  async execute(tx: Tx, inputs: readonly CandidateInput[], keys: ReadonlyMap<string, Buffer>, correlationIds?: ReadonlyMap<string, string>): Promise<ScreenCandidatesOutcome> {
    // Events of one candidate arrive in order on one partition: within a batch the last one wins.
    const latest = new Map<string, CandidateInput>();
    for (const input of inputs) latest.set(input.candidateId, input);
    const candidates = [...latest.values()];

    const current = await this.repository.saveProfiles(tx, candidates, keys);
    const now = this.clock.now();
    const day = this.clock.today();
    const screened = candidates.filter((c) => current.has(c.candidateId));
    // A new profile keeps what interviews already established about the candidate.
    const feedback = await this.feedback.findByCandidates(tx, screened.map((c) => c.candidateId));
    const screenings = screened.map((c) => {
      const interviews = feedback.get(c.candidateId) ?? [];
      return toScreening(c, screenWithFeedback(c.profile, this.rubrics.inForce(c.role, day), interviews), now, interviews.length);
    });

    const stored = await this.repository.saveScreenings(tx, screenings.map((s) => sealScreening(keyOf(keys, s.candidateId), s)));
    const toPublish = screenings.filter((s) => stored.has(s.candidateId));
    await this.publisher.candidatesScreened(tx, toPublish, correlationIds);
    return { screened: screenings.length, published: toPublish.length };
  }
}
