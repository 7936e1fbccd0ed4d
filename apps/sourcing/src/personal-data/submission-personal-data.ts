// What a submission holds about the person (identity as the agency gave it,
// and the profile with its free text), stored only sealed with the person's
// data key: the candidate it sourced, or for a duplicate the candidate it
// duplicates. Erasing that candidate destroys the key, so every submission
// of the person (their own and other agencies' duplicates) is unreadable at once.
import { openJson, sealJson } from '@hiring/platform';

export interface SubmissionPersonalData {
  candidate: { name: string; email?: string; phone?: string; profileUrl?: string };
  profile: Record<string, unknown>;
}

/** Bound to the person and the submission: a sealed value copied to another row does not open. */
const context = (personId: string, submissionId: string) => `${personId}:submission:${submissionId}`;

export function sealSubmissionData(dataKey: Buffer, personId: string, submissionId: string, data: SubmissionPersonalData): string {
  return sealJson(dataKey, data, context(personId, submissionId));
}

export function openSubmissionData(dataKey: Buffer, personId: string, submissionId: string, sealed: string): SubmissionPersonalData {
  return openJson<SubmissionPersonalData>(dataKey, sealed, context(personId, submissionId));
}
