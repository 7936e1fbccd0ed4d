import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import type { CandidateProfile } from '../profile/candidate-profile';
import { strongAiTechLead, strongTechLead } from '../profile/candidate-profile.fixtures';
import { CALIBRATION_SET } from './calibration-profiles';
import * as stated from './evidence-quality.rules';
import { SCREENING_RUBRICS } from './rubrics';
import { screenCandidate } from './screen-candidate';

/*
 * screenCandidate reads a profile once for all twelve rules (ProfileReading:
 * a statement several rules read is judged once, the production and framing
 * readings are built once). Each rule called on its own reads the profile
 * afresh, as every rule did before: both must give the same state, thin flag
 * and evidence, word for word, for every rubric that reads evidence quality.
 */
const RULES_IN_ORDER = [
  stated.architectureAtScale,
  stated.infraTradeoffs,
  stated.shippedProduction,
  stated.codeReview,
  stated.unblocking,
  stated.translation,
  stated.teamFraming,
  stated.courseCorrection,
  stated.researchWithoutProduction,
  stated.soloFraming,
  stated.vagueDecisions,
  stated.hardToFollow,
];
const EVIDENCE_RUBRICS = SCREENING_RUBRICS.filter((r) => r.evidenceQuality);

function agreeOn(profile: CandidateProfile): void {
  const rubrics = EVIDENCE_RUBRICS.filter((r) => r.role === profile.targetRole);
  expect(rubrics.length).toBeGreaterThan(0);
  for (const rubric of rubrics) {
    const together = screenCandidate(profile, rubric).rules.map(({ state, thin, evidence }) => ({ state, thin, evidence }));
    const alone = RULES_IN_ORDER.map((rule) => rule(profile, rubric));
    expect(together).toEqual(alone);
  }
}

const examplesDir = resolve(__dirname, '../../../../examples');
const exampleProfiles = readdirSync(examplesDir)
  .filter((f) => f.startsWith('candidate-') && f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(resolve(examplesDir, f), 'utf8')) as CandidateProfile);

describe('screening with one reading of the profile gives what each rule gives on its own', () => {
  it('on the examples, the fixtures and the calibration set', () => {
    const profiles = [...exampleProfiles, strongAiTechLead(), strongTechLead(), ...CALIBRATION_SET.map((c) => c.profile)];
    expect(profiles.length).toBeGreaterThan(20);
    expect(EVIDENCE_RUBRICS.length).toBeGreaterThan(1);
    for (const profile of profiles) agreeOn(profile);
  });

  it('when the same words are stated in many places (decisions, constraints, lessons, production evidence, achievements)', () => {
    // A small pool, so the same text is read by several rules and as a statement and a label.
    const pool = ['no monitoring yet', 'TBD', 'we cut p99 latency from 900ms to 120ms by batching writes', 'handled various issues', 'Kafka', 'on-call rota with runbooks', 'I built it'];
    const text = fc.constantFrom(...pool);
    fc.assert(
      fc.property(fc.constantFrom(strongAiTechLead(), strongTechLead()), fc.array(text, { minLength: 12, maxLength: 12 }), (base, t) => {
        const profile: CandidateProfile = {
          ...base,
          architectureDecisions: base.architectureDecisions.map((d, i) => ({
            ...d,
            decision: t[i % 12],
            rationale: t[(i + 1) % 12],
            constraints: [t[(i + 2) % 12], t[(i + 3) % 12]],
            lessonLearned: t[(i + 4) % 12],
          })),
          productionSystems: base.productionSystems.map((s) => ({
            ...s,
            evidence: { ...s.evidence, latency: t[5], reliability: t[6], monitoring: t[7], incidentResponse: t[1] },
          })),
          achievements: [t[8], t[9], t[10], t[11]],
          unblockingExamples: base.unblockingExamples.map((e) => ({ ...e, blocker: t[2], resolution: t[9] })),
        };
        agreeOn(profile);
      }),
      { numRuns: 300 },
    );
  });
});
