import { foldStageObservations, isQualified, type StageObservation } from './stage-progress';

const t = (minute: number) => new Date(Date.UTC(2026, 2, 2, 9, minute));
const ids = { agencyId: 'northstar-talent', requisitionId: 'req-ml-platform-lead', role: 'ai-tech-lead' as const };

describe('folding a consumed chunk into one patch per candidate (one multi-row upsert)', () => {
  it('gives one patch per candidate with every stage the chunk saw', () => {
    const chunk: StageObservation[] = [
      { stage: 'sourced', candidateId: 'c1', ...ids, at: t(0) },
      { stage: 'sourced', candidateId: 'c2', ...ids, at: t(1) },
      { stage: 'screened', candidateId: 'c1', ...ids, decision: 'advance', at: t(5) },
    ];
    const patches = foldStageObservations(chunk);
    expect(patches).toHaveLength(2);
    expect(patches.find((p) => p.candidateId === 'c1')).toEqual({
      candidateId: 'c1',
      ...ids,
      sourcedAt: t(0),
      screenedAt: t(5),
      screeningDecision: 'advance',
      screeningDecisionAt: t(5),
      qualifiedAt: t(5),
      refusedOfferIds: [],
    });
  });

  it('keeps the earliest time a stage was reached and the decision of the latest screening, whatever the order', () => {
    const patches = foldStageObservations([
      { stage: 'screened', candidateId: 'c1', ...ids, decision: 'advance', at: t(30) },
      { stage: 'screened', candidateId: 'c1', ...ids, decision: 'reject', at: t(10) },
    ]);
    expect(patches[0]).toMatchObject({ screenedAt: t(10), screeningDecision: 'advance', screeningDecisionAt: t(30), qualifiedAt: t(30) });
  });

  it('gives the same patch whatever the order and however often an event is read (ties of times go to the greater decision)', () => {
    const events: StageObservation[] = [
      { stage: 'sourced', candidateId: 'c2', ...ids, at: t(1) },
      { stage: 'screened', candidateId: 'c1', ...ids, decision: 'review', at: t(20) },
      { stage: 'screened', candidateId: 'c1', ...ids, decision: 'advance', at: t(20) },
      { stage: 'scored', candidateId: 'c1', ...ids, decision: 'reject', at: t(25) },
      { stage: 'offer-decided', candidateId: 'c1', offerId: 'offer-1', role: 'ai-tech-lead', decision: 'refused', at: t(40) },
      { stage: 'offer-decided', candidateId: 'c1', offerId: 'offer-2', role: 'ai-tech-lead', decision: 'approved', at: t(40) },
      { stage: 'sourced', candidateId: 'c1', ...ids, at: t(0) },
    ];
    const expected = foldStageObservations(events);
    expect(expected.map((p) => p.candidateId)).toEqual(['c1', 'c2']);
    expect(expected[0]).toMatchObject({ screeningDecision: 'review', screeningDecisionAt: t(20), offerDecision: 'refused', refusedOfferIds: ['offer-1'] });
    expect(foldStageObservations([...events].reverse())).toEqual(expected);
    expect(foldStageObservations([...events, ...events.slice(1, 4)])).toEqual(expected);
  });

  it('does not mark a rejected screening as qualified', () => {
    const [patch] = foldStageObservations([{ stage: 'screened', candidateId: 'c1', ...ids, decision: 'reject', at: t(1) }]);
    expect(patch.qualifiedAt).toBeUndefined();
    expect(isQualified('review')).toBe(true);
    expect(isQualified('reject')).toBe(false);
  });

  it('keeps every refused offer once and the latest decision (a refusal overridden to approved)', () => {
    const [patch] = foldStageObservations([
      { stage: 'offer-decided', candidateId: 'c1', offerId: 'offer-1', role: 'ai-tech-lead', decision: 'refused', at: t(40) },
      { stage: 'offer-decided', candidateId: 'c1', offerId: 'offer-1', role: 'ai-tech-lead', decision: 'refused', at: t(40) },
      { stage: 'offer-decided', candidateId: 'c1', offerId: 'offer-1', role: 'ai-tech-lead', decision: 'approved', at: t(50) },
      { stage: 'offer-decided', candidateId: 'c1', offerId: 'offer-2', role: 'ai-tech-lead', decision: 'refused', at: t(45) },
    ]);
    expect(patch).toMatchObject({ offerDecidedAt: t(40), offerDecision: 'approved', offerDecisionAt: t(50), refusedOfferIds: ['offer-1', 'offer-2'] });
    expect(patch.agencyId).toBeUndefined(); // offer-decided carries no agency: the stored row keeps it
  });
});
