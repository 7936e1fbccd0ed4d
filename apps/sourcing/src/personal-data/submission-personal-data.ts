// What a submission holds about the person (identity as the agency gave it,
// and the profile with its free text), stored only sealed with the person's
// data key: the candidate it sourced, or for a duplicate the candidate it
// duplicates. Erasing that candidate destroys the key, so every submission
// of the person (their own and other agencies' duplicates) is unreadable at once.
import { openJson, sealJsonText } from '@hiring/platform';

export interface SubmissionPersonalData {
  candidate: { name: string; email?: string; phone?: string; profileUrl?: string };
  profile: Record<string, unknown>;
}

/** Bound to the person and the submission: a sealed value copied to another row does not open. */
const context = (personId: string, submissionId: string) => `${personId}:submission:${submissionId}`;

export function sealSubmissionData(dataKey: Buffer, personId: string, submissionId: string, data: SubmissionPersonalData): string {
  // The same text as JSON.stringify(data), with the profile's JSON shared with the candidate-sourced event's seal.
  const json = `{"candidate":${JSON.stringify(data.candidate)},"profile":${profileJson(data.profile)}}`;
  return sealJsonText(dataKey, json, context(personId, submissionId));
}

const serialised = new WeakMap<object, string>();

/**
 * JSON.stringify of a profile, once per profile object: the intake seals a
 * sourced profile twice (in the stored submission and in its event, under
 * different contexts) and the ~3 KB text is the larger part of each seal.
 */
export function profileJson(profile: Record<string, unknown>): string {
  let json = serialised.get(profile);
  if (json === undefined) {
    json = JSON.stringify(profile);
    serialised.set(profile, json);
  }
  return json;
}

export function openSubmissionData(dataKey: Buffer, personId: string, submissionId: string, sealed: string): SubmissionPersonalData {
  return openJson<SubmissionPersonalData>(dataKey, sealed, context(personId, submissionId));
}
