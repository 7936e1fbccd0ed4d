import { newDataKey, openJson } from '@hiring/platform';
import { openSubmissionData, profileJson, sealSubmissionData, type SubmissionPersonalData } from './submission-personal-data';

describe('sourcing / a submission sealed with a shared profile text', () => {
  const data: SubmissionPersonalData = {
    candidate: { name: 'Zoë "Z" Example', email: 'zoe@example.com', profileUrl: 'https://example.com/zoe' },
    profile: { targetRole: 'tech-lead', yearsOfExperience: 9, achievements: ['shipped a "thing"\n', 'ünïcode'], codeReview: { aspects: [] } },
  };

  it('holds exactly JSON.stringify of the data, and opens only for its person and submission', () => {
    const key = newDataKey();
    const sealed = sealSubmissionData(key, 'person-1', 'submission-1', data);
    expect(openSubmissionData(key, 'person-1', 'submission-1', sealed)).toEqual(data);
    expect(JSON.stringify(openJson(key, sealed, 'person-1:submission:submission-1'))).toBe(JSON.stringify(data));
    expect(() => openSubmissionData(key, 'person-1', 'submission-2', sealed)).toThrow();
  });

  it('serialises a profile object once', () => {
    const profile = { a: 1 };
    const first = profileJson(profile);
    profile.a = 2; // not something the intake does: shows the text is reused, not recomputed
    expect(profileJson(profile)).toBe(first);
    expect(profileJson({ a: 2 })).toBe('{"a":2}');
  });
});
