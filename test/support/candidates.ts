// Candidate profiles and identities for the end-to-end suites. Profiles are
// derived from the repository's examples (examples/candidate-*.json), so a
// "strong" one is what the rubrics advance, a "partial" one (nothing said about
// leadership) is what 2026-12 sends to an interview, and a "weak" one
// (research only, solo framing) is what they reject; `expectedScreening` computes what the
// domain says about each, so the test never hard-codes a decision or a score.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  SCREENING_RUBRICS,
  scoreScreening,
  screenCandidate,
  selectRubric,
  type CandidateProfile,
  type LocationTier,
  type Score,
  type ScreeningResult,
  type TargetRole,
} from '@hiring/domain';

const EXAMPLES = resolve(__dirname, '../../examples');
const example = (file: string): CandidateProfile => JSON.parse(readFileSync(resolve(EXAMPLES, file), 'utf8')) as CandidateProfile;

export type ProfileKind = 'strong' | 'partial' | 'weak';
export const PROFILE_KINDS: readonly ProfileKind[] = ['strong', 'partial', 'weak'];

/** A profile for `role` in `locationTier` (consistent with the requisition it is submitted to). */
export function candidateProfile(role: TargetRole, locationTier: LocationTier, kind: ProfileKind, seed: number): CandidateProfile {
  let profile: CandidateProfile;
  switch (kind) {
    case 'strong':
      profile = example(role === 'ai-tech-lead' ? 'candidate-strong-ai-lead.json' : 'candidate-strong-tech-lead.json');
      break;
    case 'partial': {
      // Strong technically, thin on leadership: no unblocking, no stakeholder story, no course correction.
      profile = example(role === 'ai-tech-lead' ? 'candidate-strong-ai-lead.json' : 'candidate-strong-tech-lead.json');
      profile.unblockingExamples = [];
      profile.stakeholderTranslations = [];
      profile.architectureDecisions = profile.architectureDecisions.filter((d) => !d.laterReversed);
      break;
    }
    case 'weak':
      profile = example('candidate-research-only.json');
      break;
    default: {
      const unreachable: never = kind;
      throw new Error(`unknown profile kind ${String(unreachable)}`);
    }
  }
  const currency = locationTier === 'uk-london' ? 'GBP' : 'USD';
  return {
    ...profile,
    targetRole: role,
    locationTier,
    // Vary a fact the rubrics do not weigh, so profiles are not all byte-identical.
    yearsOfExperience: 6 + (seed % 15),
    ...(profile.currentBase ? { currentBase: { amount: 120_000 + (seed % 50) * 1000, currency } } : {}),
    ...(profile.expectedBase ? { expectedBase: { amount: 150_000 + (seed % 50) * 1000, currency } } : {}),
  };
}

export interface ExpectedScreening {
  screening: ScreeningResult;
  score: Score;
}

/** What the domain decides for this profile with the rubric in force on `day` (YYYY-MM-DD). */
export function expectedScreening(profile: CandidateProfile, day: string): ExpectedScreening {
  const rubric = selectRubric(SCREENING_RUBRICS, profile.targetRole, day);
  const screening = screenCandidate(profile, rubric);
  return { screening, score: scoreScreening(screening, rubric) };
}

export interface Identity {
  name: string;
  email: string;
  phone: string;
}

/** An identity no other run uses: the run id is in every field (the phone encodes it in digits). */
export function identity(runId: string, index: number, runDigits: string): Identity {
  return {
    name: `E2e Person ${runId} ${index}`,
    email: `person.${index}.${runId}@e2e-pipeline.example.com`,
    phone: `+44 77${runDigits} ${String(index).padStart(4, '0')}`,
  };
}
