import { decideOwnership, type OwnershipClaim } from './decide-ownership';
import type { CandidateIdentifier } from './identifiers';
import { OWNERSHIP_RULES_2026_03, ownershipEnds, withOwnershipWindowDays } from './ownership-rules';

const rules = OWNERSHIP_RULES_2026_03;
const sourcedAt = new Date('2026-03-02T09:15:00.000Z');
const email: CandidateIdentifier = { kind: 'email', value: 'jane@example.com' };
const phone: CandidateIdentifier = { kind: 'phone', value: '+442079460958' };
const url: CandidateIdentifier = { kind: 'profile-url', value: 'linkedin.com/in/jane' };

function claimsOf(agencyId: string, candidateId: string, ids: CandidateIdentifier[], from = sourcedAt): OwnershipClaim[] {
  return ids.map((i) => ({ ...i, agencyId, candidateId, ownedFrom: from, ownedUntil: ownershipEnds(from, rules.window) }));
}

describe('sourcing / ownership: first submission owns the candidate', () => {
  it('nobody claims the identifiers -> new candidate owned for 6 calendar months', () => {
    const decision = decideOwnership([], { agencyId: 'A', identifiers: [email, phone] }, sourcedAt, rules);
    expect(decision).toEqual({
      outcome: 'new-candidate',
      ownedFrom: sourcedAt,
      ownedUntil: new Date('2026-09-02T09:15:00.000Z'),
      claim: [email, phone],
      rulesVersion: '2026-03',
    });
  });
});

describe('sourcing / ownership: another agency within the window', () => {
  const existing = claimsOf('A', 'cand-a', [email, phone]);

  it('matching ANY one identifier is a duplicate of the owner', () => {
    const decision = decideOwnership(existing, { agencyId: 'B', identifiers: [phone, url] }, new Date('2026-04-01T00:00:00Z'), rules);
    expect(decision).toMatchObject({ outcome: 'duplicate', ownerAgencyId: 'A', ownerCandidateId: 'cand-a', matchedOn: ['phone'] });
  });

  it('several owners match -> the earliest owner wins', () => {
    const later = claimsOf('C', 'cand-c', [url], new Date('2026-03-10T00:00:00Z'));
    const decision = decideOwnership([...later, ...existing], { agencyId: 'B', identifiers: [email, url] }, new Date('2026-04-01T00:00:00Z'), rules);
    expect(decision).toMatchObject({ outcome: 'duplicate', ownerAgencyId: 'A', matchedOn: ['email'] });
  });

  it('window boundary exactly 6 months: one millisecond before the end is still a duplicate', () => {
    const end = new Date('2026-09-02T09:15:00.000Z');
    expect(decideOwnership(existing, { agencyId: 'B', identifiers: [email] }, new Date(end.getTime() - 1), rules).outcome).toBe('duplicate');
  });

  it('window boundary exactly 6 months: at the end the window is over and a new agency owns', () => {
    const end = new Date('2026-09-02T09:15:00.000Z');
    const decision = decideOwnership(existing, { agencyId: 'B', identifiers: [email] }, end, rules);
    expect(decision).toMatchObject({ outcome: 'new-candidate', claim: [email], ownedUntil: new Date('2027-03-02T09:15:00.000Z') });
  });

  it('a configured window in days replaces the months and says so in the version', () => {
    const days90 = withOwnershipWindowDays(rules, 90);
    const claims = claimsOf('A', 'cand-a', [email]).map((c) => ({ ...c, ownedUntil: ownershipEnds(sourcedAt, days90.window) }));
    expect(claims[0]?.ownedUntil).toEqual(new Date('2026-05-31T09:15:00.000Z'));
    expect(decideOwnership(claims, { agencyId: 'B', identifiers: [email] }, new Date('2026-05-31T09:14:59Z'), days90)).toMatchObject({
      outcome: 'duplicate',
      rulesVersion: '2026-03+window-90d',
    });
    expect(decideOwnership(claims, { agencyId: 'B', identifiers: [email] }, new Date('2026-05-31T09:15:00Z'), days90).outcome).toBe('new-candidate');
  });
});

describe('sourcing / ownership: same agency resubmits', () => {
  it('same agency resubmits the same person -> same candidate, no new window, new identifiers claimed', () => {
    const existing = claimsOf('A', 'cand-a', [email]);
    const decision = decideOwnership(existing, { agencyId: 'A', identifiers: [email, url] }, new Date('2026-05-01T00:00:00Z'), rules);
    expect(decision).toEqual({
      outcome: 'same-agency',
      candidateId: 'cand-a',
      ownedFrom: sourcedAt,
      ownedUntil: new Date('2026-09-02T09:15:00.000Z'),
      claim: [url],
      rulesVersion: '2026-03',
    });
  });

  it('another agency owning one of the identifiers still makes it a duplicate', () => {
    const existing = [...claimsOf('A', 'cand-a', [email]), ...claimsOf('B', 'cand-b', [phone], new Date('2026-03-05T00:00:00Z'))];
    expect(decideOwnership(existing, { agencyId: 'A', identifiers: [email, phone] }, new Date('2026-04-01T00:00:00Z'), rules)).toMatchObject({
      outcome: 'duplicate',
      ownerAgencyId: 'B',
    });
  });
});

describe('sourcing / ownership window arithmetic', () => {
  it('31 August + 6 months is the last day of February', () => {
    expect(ownershipEnds(new Date('2025-08-31T10:00:00Z'), { months: 6 })).toEqual(new Date('2026-02-28T10:00:00Z'));
    expect(ownershipEnds(new Date('2027-08-31T10:00:00Z'), { months: 6 })).toEqual(new Date('2028-02-29T10:00:00Z'));
  });

  it('crosses the year end', () => {
    expect(ownershipEnds(new Date('2026-11-15T00:00:00Z'), { months: 6 })).toEqual(new Date('2027-05-15T00:00:00Z'));
  });

  it('rejects a window of zero days', () => {
    expect(() => withOwnershipWindowDays(rules, 0)).toThrow(/positive whole number/);
  });
});
