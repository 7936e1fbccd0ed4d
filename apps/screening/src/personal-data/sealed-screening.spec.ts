import { createHmac, hkdfSync } from 'node:crypto';
import { EXAMPLE_PROFILE } from '@hiring/contracts/testing';
import { screenCandidate, SCREENING_RUBRICS, selectRubric, validateCandidateProfile } from '@hiring/domain';
import { newDataKey } from '@hiring/platform';
import { toScreening } from '../screenings/screening.mapper';
import type { Screening } from '../screenings/screening.model';
import { detailDigestKey, ERASED_EVIDENCE, openProfile, openScreening, sealProfile, sealScreening } from './sealed-screening';

function exampleScreening(candidateId = 'c-1'): Screening {
  const checked = validateCandidateProfile(JSON.parse(JSON.stringify(EXAMPLE_PROFILE)));
  if (!checked.ok) throw new Error('example profile invalid');
  const input = { candidateId, submissionId: 's-1', agencyId: 'a-1', requisitionId: 'r-1', role: 'ai-tech-lead', locationTier: 'uk-london', profile: checked.value, sourcedAt: new Date() } as const;
  return toScreening(input, screenCandidate(checked.value, selectRubric(SCREENING_RUBRICS, 'ai-tech-lead', '2026-12-03')), new Date('2026-12-03T10:00:00Z'));
}

describe('screening evidence and probes sealed with the candidate key', () => {
  it('stores no quote or question readably; the key opens them back; the digest is the same for the same words', () => {
    const key = newDataKey();
    const screening = exampleScreening();
    const quotes = screening.rules.flatMap((r) => r.evidence).filter((e) => e.length > 12);
    expect(quotes.length).toBeGreaterThan(0);
    const stored = sealScreening(key, screening);
    const { sealedDetail, detailDigest, ...clear } = stored;
    const text = JSON.stringify(clear);
    for (const q of quotes) expect(text).not.toContain(q);
    for (const p of screening.interviewKit.probes) expect(text).not.toContain(p.ask);
    expect(clear.interviewKit.ruleIds).toEqual(screening.interviewKit.ruleIds);
    expect(clear.rules.map((r) => r.met)).toEqual(screening.rules.map((r) => r.met));
    // Copied with Object.assign (lane 13b): the keys and their order of the spread it replaced.
    expect(Object.keys(stored)).toEqual([...Object.keys(screening), 'sealedDetail', 'detailDigest']);
    clear.rules.forEach((r, i) => {
      expect(Object.keys(r)).toEqual(Object.keys(screening.rules[i] as object));
      expect(r).toEqual({ ...screening.rules[i], evidence: [] });
    });
    expect(openScreening({ ...clear, sealedDetail }, key)).toEqual(screening);
    expect(sealScreening(key, screening).detailDigest).toBe(detailDigest);
    expect(sealScreening(newDataKey(), screening).detailDigest).not.toBe(detailDigest);
    // Sealed for this candidate and rubric version only.
    expect(() => openScreening({ ...clear, candidateId: 'c-2', sealedDetail }, key)).toThrow();
  });

  it('the digest is the one stored rows carry (HKDF as node computes it, HMAC of the detail), so re-storing the same words stays a no-op', () => {
    for (let i = 0; i < 50; i += 1) {
      const key = newDataKey();
      expect(detailDigestKey(key)).toEqual(Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'screening detail digest', 32)));
    }
    const key = newDataKey();
    const screening = exampleScreening();
    const detail = { evidence: Object.fromEntries(screening.rules.map((r) => [r.ruleId, r.evidence])), probes: screening.interviewKit.probes };
    const digestKey = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'screening detail digest', 32));
    expect(sealScreening(key, screening).detailDigest).toBe(createHmac('sha256', digestKey).update(JSON.stringify(detail), 'utf8').digest('base64url'));
  });

  it('without the key (erased) every rule reads "erased" and there are no probes; a row from before sealing is returned as stored', () => {
    const screening = exampleScreening();
    const { sealedDetail, detailDigest: _digest, ...clear } = sealScreening(newDataKey(), screening);
    const erased = openScreening({ ...clear, sealedDetail }, undefined);
    expect(erased.rules.every((r) => r.evidence.length === 1 && r.evidence[0] === ERASED_EVIDENCE)).toBe(true);
    expect(erased.interviewKit.probes).toEqual([]);
    expect(openScreening({ ...screening, sealedDetail: null }, undefined)).toEqual(screening);
  });

  it('the stored profile opens with the candidate key only', () => {
    const key = newDataKey();
    const sealed = sealProfile(key, 'c-1', EXAMPLE_PROFILE);
    expect(sealed).not.toContain(EXAMPLE_PROFILE.achievements[0]);
    expect(openProfile(key, 'c-1', sealed)).toEqual(JSON.parse(JSON.stringify(EXAMPLE_PROFILE)));
    expect(() => openProfile(key, 'c-2', sealed)).toThrow();
  });
});
