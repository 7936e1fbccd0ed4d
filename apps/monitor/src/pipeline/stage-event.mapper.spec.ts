import { EVENT_TYPES } from '@hiring/contracts';
import { EXAMPLE_EVENT_DATA } from '@hiring/contracts/testing';
import { fromCandidateScored, fromCandidateScreened, fromCandidateSourced, fromOfferDecided } from './stage-event.mapper';

describe('stage events to observations: ids, times and decisions only', () => {
  it('keeps no profile text, rule evidence, amounts or reasons', () => {
    const observations = [
      fromCandidateSourced(EXAMPLE_EVENT_DATA[EVENT_TYPES.candidateSourced]),
      fromCandidateScreened(EXAMPLE_EVENT_DATA[EVENT_TYPES.candidateScreened]),
      fromCandidateScored(EXAMPLE_EVENT_DATA[EVENT_TYPES.candidateScored]),
      fromOfferDecided(EXAMPLE_EVENT_DATA[EVENT_TYPES.offerDecided]),
    ];
    for (const o of observations) {
      expect(Object.keys(o).sort()).toEqual(expect.arrayContaining(['at', 'candidateId', 'role', 'stage']));
      for (const key of ['profile', 'rules', 'breakdown', 'base', 'floor', 'reasons', 'override']) expect(o).not.toHaveProperty(key);
    }
  });

  it('takes the stage time from the payload (when it happened), not from when it was read', () => {
    const screened = EXAMPLE_EVENT_DATA[EVENT_TYPES.candidateScreened];
    expect(fromCandidateScreened(screened)).toMatchObject({ stage: 'screened', decision: screened.decision, at: new Date(screened.screenedAt) });
    const offer = EXAMPLE_EVENT_DATA[EVENT_TYPES.offerDecided];
    expect(fromOfferDecided(offer)).toMatchObject({ stage: 'offer-decided', decision: 'approved', at: new Date(offer.decidedAt) });
  });
});
