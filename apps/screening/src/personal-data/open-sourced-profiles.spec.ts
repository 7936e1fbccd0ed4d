import type { CandidateSourcedEvent } from '@hiring/contracts';
import { newDataKey, sealJson } from '@hiring/platform';
import { ScreeningException } from '../shared/screening.exception';
import { candidateIdsOf, openSourcedProfile, type CandidateKeys } from './open-sourced-profiles';

const base = {
  submissionId: 's-1',
  agencyId: 'a-1',
  requisitionId: 'r-1',
  role: 'ai-tech-lead',
  locationTier: 'uk-london',
  sourcedAt: '2026-03-02T09:15:00Z',
} as const;

function sealedEvent(candidateId: string, key: Buffer, profile: unknown = { achievements: ['led it'] }): CandidateSourcedEvent {
  return { ...base, candidateId, sealedProfile: sealJson(key, profile, `${candidateId}:profile`) } as CandidateSourcedEvent;
}

const keysOf = (entries: [string, Buffer][], erased: string[] = []): CandidateKeys => ({ keys: new Map(entries), erased: new Set(erased), unknown: new Set() });

describe('opening sealed candidate-sourced profiles', () => {
  it('opens a sealed profile with the candidate key and drops the sealed form', () => {
    const key = newDataKey();
    const opened = openSourcedProfile(sealedEvent('c-1', key), keysOf([['c-1', key]]));
    expect(opened).toEqual({ kind: 'open', data: { ...base, candidateId: 'c-1', profile: { achievements: ['led it'] } } });
  });

  it('an erased candidate (key destroyed) is skipped as erased, not an error', () => {
    expect(openSourcedProfile(sealedEvent('c-2', newDataKey()), keysOf([], ['c-2']))).toEqual({ kind: 'erased', candidateId: 'c-2' });
  });

  it('no key and no erasure, a wrong key, or neither profile form is a ScreeningException (dead-lettered with the reason)', () => {
    expect(() => openSourcedProfile(sealedEvent('c-3', newDataKey()), keysOf([]))).toThrow(ScreeningException);
    expect(() => openSourcedProfile(sealedEvent('c-4', newDataKey()), keysOf([['c-4', newDataKey()]]))).toThrow(/does not open/);
    expect(() => openSourcedProfile({ ...base, candidateId: 'c-5' } as CandidateSourcedEvent, keysOf([]))).toThrow(/neither profile nor sealedProfile/);
  });

  it('an event published before sealing (plain profile) passes through with a key (it is stored sealed), is erased without one, refused when unknown', () => {
    const legacy = { ...base, candidateId: 'c-6', profile: { achievements: ['x'] } } as unknown as CandidateSourcedEvent;
    expect(openSourcedProfile(legacy, keysOf([['c-6', newDataKey()]]))).toEqual({ kind: 'open', data: legacy });
    expect(openSourcedProfile(legacy, keysOf([], ['c-6']))).toEqual({ kind: 'erased', candidateId: 'c-6' });
    expect(() => openSourcedProfile(legacy, keysOf([]))).toThrow(/no data key/);
    const key = newDataKey();
    expect(candidateIdsOf([legacy, sealedEvent('c-7', key), sealedEvent('c-7', key)])).toEqual(['c-6', 'c-7']);
  });
});
