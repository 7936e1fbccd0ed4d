import type {
  ArchitectureDecision,
  CandidateProfile,
  CodeReviewPractice,
  ProductionEvidence,
  ProductionSystem,
  Publication,
  SoftSkillEvidence,
  StakeholderTranslation,
  TradeOffOpinion,
  UnblockingExample,
} from './candidate-profile';
import { REVIEW_ASPECTS, SOFT_SKILLS, TRADE_OFF_AREAS, TRADE_OFF_TOPICS } from './candidate-profile';
import { researchOnlyCandidate, strongAiTechLead } from './candidate-profile.fixtures';
import { candidateProfileSchema, precompileCandidateProfile, validateCandidateProfile } from './validate-candidate-profile';
import type { Money } from '../shared/money';
import { LOCATION_TIERS, TARGET_ROLES } from '../shared/roles';

/**
 * Hand-listed keys of each type, checked by the compiler: `KeyList<T>` only
 * accepts an object naming every key of T exactly once, marked required or
 * optional exactly as T declares it. The tests below then compare these lists
 * with the JSON Schema, so a field added to one side only fails a test.
 */
type KeyList<T> = { [K in keyof Required<T>]: object extends Pick<T, K> ? 'optional' : 'required' };

const PROFILE_KEYS = {
  targetRole: 'required',
  locationTier: 'required',
  yearsOfExperience: 'required',
  productionSystems: 'required',
  architectureDecisions: 'required',
  tradeOffOpinions: 'required',
  codeReview: 'optional',
  unblockingExamples: 'required',
  stakeholderTranslations: 'required',
  achievements: 'required',
  publications: 'required',
  communicationRating: 'required',
  internalCandidate: 'required',
  leadershipInterest: 'required',
  softSkillEvidence: 'required',
  currentBase: 'optional',
  expectedBase: 'optional',
} as const satisfies KeyList<CandidateProfile>;

const DEFINITION_KEYS = {
  productionSystem: { name: 'required', area: 'required', description: 'optional', evidence: 'required' } satisfies KeyList<ProductionSystem>,
  architectureDecision: {
    area: 'required',
    decision: 'required',
    rationale: 'optional',
    constraints: 'optional',
    heldUpAtScale: 'required',
    laterReversed: 'required',
    lessonLearned: 'optional',
  } satisfies KeyList<ArchitectureDecision>,
  tradeOffOpinion: { topic: 'required', area: 'optional', stance: 'required', reasoning: 'required' } satisfies KeyList<TradeOffOpinion>,
  codeReviewPractice: { area: 'required', aspects: 'required', example: 'required' } satisfies KeyList<CodeReviewPractice>,
  unblockingExample: { blocker: 'required', resolution: 'required' } satisfies KeyList<UnblockingExample>,
  stakeholderTranslation: { audience: 'required', situation: 'required', outcome: 'required' } satisfies KeyList<StakeholderTranslation>,
  publication: { title: 'required', venue: 'optional', year: 'optional' } satisfies KeyList<Publication>,
  softSkillEvidence: { skill: 'required', example: 'required' } satisfies KeyList<SoftSkillEvidence>,
  money: { amount: 'required', currency: 'required' } satisfies KeyList<Money>,
} as const;

const EVIDENCE_KEYS = {
  latency: 'optional',
  reliability: 'optional',
  monitoring: 'optional',
  incidentResponse: 'optional',
} as const satisfies KeyList<ProductionEvidence>;

interface ObjectSchema {
  required?: string[];
  properties: Record<string, { enum?: unknown[]; items?: { enum?: unknown[] } } & Record<string, unknown>>;
}

function keysOf(list: Record<string, 'required' | 'optional'>) {
  const entries = Object.entries(list);
  return {
    all: entries.map(([k]) => k).sort(),
    required: entries.filter(([, v]) => v === 'required').map(([k]) => k).sort(),
  };
}

function schemaKeys(schema: ObjectSchema) {
  return { all: Object.keys(schema.properties).sort(), required: [...(schema.required ?? [])].sort() };
}

const definitions = candidateProfileSchema.definitions as unknown as Record<string, ObjectSchema>;

describe('candidate profile / JSON Schema and TypeScript type agree', () => {
  it('top-level properties and required keys match the CandidateProfile type', () => {
    expect(schemaKeys(candidateProfileSchema as unknown as ObjectSchema)).toEqual(keysOf(PROFILE_KEYS));
  });

  it.each(Object.entries(DEFINITION_KEYS))('definition %s matches its type', (name, keys) => {
    expect(schemaKeys(definitions[name] as ObjectSchema)).toEqual(keysOf(keys));
  });

  it('production evidence lists exactly the evidence kinds', () => {
    const evidence = definitions['productionSystem']?.properties['evidence'] as unknown as ObjectSchema;
    expect(schemaKeys(evidence)).toEqual(keysOf(EVIDENCE_KEYS));
  });

  it('enums in the schema are the enums of the type', () => {
    const top = (candidateProfileSchema as unknown as ObjectSchema).properties;
    expect(top['targetRole']?.enum).toEqual([...TARGET_ROLES]);
    expect(top['locationTier']?.enum).toEqual([...LOCATION_TIERS]);
    const known = (definitions['tradeOffOpinion'] as unknown as { if: { properties: { topic: { enum: string[] } } } }).if.properties.topic.enum;
    expect(known).toEqual([...TRADE_OFF_TOPICS]);
    expect(definitions['tradeOffOpinion']?.properties['area']?.enum).toEqual([...TRADE_OFF_AREAS]);
    expect(definitions['codeReviewPractice']?.properties['aspects']?.items?.enum).toEqual([...REVIEW_ASPECTS]);
    expect(definitions['softSkillEvidence']?.properties['skill']?.enum).toEqual([...SOFT_SKILLS]);
  });
});

describe('candidate profile / validation', () => {
  it('compiled ahead (at boot), the check accepts and rejects as before', () => {
    precompileCandidateProfile();
    precompileCandidateProfile();
    expect(validateCandidateProfile(strongAiTechLead()).ok).toBe(true);
    expect(validateCandidateProfile({}).ok).toBe(false);
  });

  it('a fully populated typed profile validates and comes back unchanged', () => {
    const profile = strongAiTechLead();
    expect(validateCandidateProfile(profile)).toEqual({ ok: true, value: profile });
  });

  it('a minimal profile (no optional fields, empty lists) validates', () => {
    expect(validateCandidateProfile(researchOnlyCandidate()).ok).toBe(true);
  });

  it('a missing required field is named by its path', () => {
    const { communicationRating: _dropped, ...rest } = strongAiTechLead();
    expect(validateCandidateProfile(rest)).toEqual({ ok: false, errors: [{ path: 'communicationRating', message: 'is required' }] });
  });

  it('a nested missing field is named with its index', () => {
    const profile = strongAiTechLead() as unknown as { unblockingExamples: Record<string, unknown>[] };
    delete profile.unblockingExamples[0]?.['resolution'];
    expect(validateCandidateProfile(profile)).toEqual({
      ok: false,
      errors: [{ path: 'unblockingExamples[0].resolution', message: 'is required' }],
    });
  });

  it('an unknown location is refused with the allowed values', () => {
    const result = validateCandidateProfile({ ...strongAiTechLead(), locationTier: 'berlin' });
    expect(result).toEqual({
      ok: false,
      errors: [{ path: 'locationTier', message: 'must be one of "us-sf-ny", "us-metro", "us-remote", "uk-london", "il-tel-aviv"' }],
    });
  });

  it('a free trade-off topic validates with its area and is refused without it', () => {
    const base = strongAiTechLead();
    const free = { topic: 'batch vs streaming features', stance: 'Streaming for fraud', reasoning: 'Six-hour-old batch features let fraud rings adapt' };
    expect(validateCandidateProfile({ ...base, tradeOffOpinions: [{ ...free, area: 'ml' }] }).ok).toBe(true);
    const missing = validateCandidateProfile({ ...base, tradeOffOpinions: [free] });
    expect(missing.ok).toBe(false);
    expect(!missing.ok && missing.errors).toContainEqual({ path: 'tradeOffOpinions[0].area', message: 'is required' });
    expect(validateCandidateProfile({ ...base, tradeOffOpinions: [{ ...free, area: 'hr' }] }).ok).toBe(false);
    // A known topic classifies itself.
    expect(validateCandidateProfile({ ...base, tradeOffOpinions: [{ ...free, topic: 'evaluation' }] }).ok).toBe(true);
  });

  it('an unknown field is refused (no silent extra data)', () => {
    const result = validateCandidateProfile({ ...strongAiTechLead(), ssn: '123' });
    expect(result).toEqual({ ok: false, errors: [{ path: 'ssn', message: 'is not an allowed field' }] });
  });

  describe('untrusted free text is bounded', () => {
    it('an achievement of 2001 characters is refused, 2000 accepted', () => {
      expect(validateCandidateProfile({ ...strongAiTechLead(), achievements: ['x'.repeat(2000)] }).ok).toBe(true);
      expect(validateCandidateProfile({ ...strongAiTechLead(), achievements: ['x'.repeat(2001)] })).toEqual({
        ok: false,
        errors: [{ path: 'achievements[0]', message: 'must NOT have more than 2000 characters' }],
      });
    });

    it('31 achievements are refused', () => {
      const result = validateCandidateProfile({ ...strongAiTechLead(), achievements: Array.from({ length: 31 }, () => 'we shipped') });
      expect(result).toEqual({ ok: false, errors: [{ path: 'achievements', message: 'must NOT have more than 30 items' }] });
    });

    it('a communication rating of 6 is refused', () => {
      expect(validateCandidateProfile({ ...strongAiTechLead(), communicationRating: 6 })).toEqual({
        ok: false,
        errors: [{ path: 'communicationRating', message: 'must be <= 5' }],
      });
    });
  });
});
