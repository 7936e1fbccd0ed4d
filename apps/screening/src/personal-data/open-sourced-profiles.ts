// The mapper step in front of screening: candidate-sourced events carry the
// profile sealed with the candidate's data key. Opened here, in memory, for the
// batch; an event whose key was destroyed belongs to an erased candidate and is
// skipped as such (there is nothing left to screen), not failed.
import type { CandidateSourcedEvent } from '@hiring/contracts';
import { SealedValueError } from '@hiring/platform';
import { ScreeningException, ScreeningExceptionCode } from '../shared/screening.exception';
import { openProfile } from './sealed-screening';

export interface CandidateKeys {
  keys: Map<string, Buffer>;
  /** Erased at sourcing: the key is gone for good. */
  erased: Set<string>;
  /** Neither a key nor an erasure at sourcing. */
  unknown: Set<string>;
}

export type OpenedProfile = { kind: 'open'; data: CandidateSourcedEvent & { profile: unknown } } | { kind: 'erased'; candidateId: string };

/** Every candidate of the batch needs its key: sealed profiles to open, and everything stored is sealed with it. */
export function candidateIdsOf(events: readonly CandidateSourcedEvent[]): string[] {
  return [...new Set(events.map((e) => e.candidateId))];
}

/** Throws a ScreeningException (dead-lettered with its reason) for an event no key can ever open. */
export function openSourcedProfile(event: CandidateSourcedEvent, keys: CandidateKeys): OpenedProfile {
  if (event.sealedProfile === undefined && event.profile === undefined) {
    throw new ScreeningException(ScreeningExceptionCode.INVALID_PROFILE, 'the event carries neither profile nor sealedProfile', [
      { path: 'data.sealedProfile', message: 'is required (or data.profile, in events published before sealing)' },
    ]);
  }
  const key = keys.keys.get(event.candidateId);
  if (!key) {
    if (keys.erased.has(event.candidateId)) return { kind: 'erased', candidateId: event.candidateId };
    // Even a plain profile (published before sealing) needs the key: screening stores it sealed.
    throw new ScreeningException(ScreeningExceptionCode.INVALID_PROFILE, 'sourcing holds no data key and no erasure for this candidate', [
      { path: 'data.candidateId', message: `no data key for candidate ${event.candidateId}` },
    ]);
  }
  if (event.sealedProfile === undefined) return { kind: 'open', data: event as CandidateSourcedEvent & { profile: unknown } };
  try {
    const profile = openProfile(key, event.candidateId, event.sealedProfile);
    const { sealedProfile: _sealed, ...rest } = event;
    return { kind: 'open', data: { ...rest, profile } as CandidateSourcedEvent & { profile: unknown } };
  } catch (error) {
    if (!(error instanceof SealedValueError)) throw error;
    throw new ScreeningException(ScreeningExceptionCode.INVALID_PROFILE, 'sealedProfile does not open with the candidate\'s data key', [
      { path: 'data.sealedProfile', message: 'does not open (tampered, or sealed for another candidate)' },
    ]);
  }
}
