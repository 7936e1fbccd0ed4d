import type {
  ArchitectureDecision,
  CandidateProfile,
  ProductionSystem,
  StakeholderTranslation,
  TradeOffOpinion,
  UnblockingExample,
} from '../profile/candidate-profile';
import type { TargetRole } from '../shared/roles';
import type { ScreeningDecision } from './screening-result';

/**
 * Labelled profiles written from the hiring guide (hiring-rules.md section 3):
 * for each, the decision the guide implies and why in one line. The rubric in
 * force must agree with every one of them (calibration.spec.ts); `hiring
 * calibrate` prints the confusion table. The people are invented.
 */
export interface CalibrationCase {
  id: string;
  expected: ScreeningDecision;
  reason: string;
  profile: CandidateProfile;
}

type Area = 'ml' | 'software';

function base(role: TargetRole): CandidateProfile {
  return {
    targetRole: role,
    locationTier: role === 'ai-tech-lead' ? 'uk-london' : 'us-metro',
    yearsOfExperience: 10,
    productionSystems: [],
    architectureDecisions: [],
    tradeOffOpinions: [],
    unblockingExamples: [],
    stakeholderTranslations: [],
    achievements: [],
    publications: [],
    communicationRating: 4,
    internalCandidate: false,
    leadershipInterest: true,
    softSkillEvidence: [],
  };
}

const ML_SYSTEM: ProductionSystem = {
  name: 'Fraud scoring service',
  area: 'ml',
  description: 'Gradient-boosted fraud model scoring card payments',
  evidence: {
    latency: 'p99 under 25 ms at 40k requests per second',
    reliability: '99.95% availability over two years with a shadow fallback model',
    monitoring: 'feature drift and calibration dashboards with paging alerts',
    incidentResponse: 'ran the rollback playbook when an upstream feature pipeline broke',
  },
};

const SOFTWARE_SYSTEM: ProductionSystem = {
  name: 'Payments API',
  area: 'software',
  evidence: {
    latency: 'p99 of 80 ms on the authorisation path',
    reliability: 'multi-region active-active Postgres with automatic failover',
    monitoring: 'SLO burn-rate alerts wired to the on-call rotation',
    incidentResponse: 'incident commander for the March 2024 ledger outage and its postmortem',
  },
};

function decisions(area: Area): ArchitectureDecision[] {
  return area === 'ml'
    ? [
        {
          area,
          decision: 'Moved feature computation to a streaming feature store',
          rationale: 'Batch features were six hours stale, which let fraud rings adapt between runs',
          constraints: ['25 ms latency budget per request', 'team of five engineers'],
          heldUpAtScale: true,
          laterReversed: false,
        },
        {
          area,
          decision: 'Chose a single multi-task model for all markets',
          rationale: 'One model to operate with a small team and one on-call rotation',
          constraints: ['one on-call rotation for all models'],
          heldUpAtScale: false,
          laterReversed: true,
          lessonLearned: 'Market drift differed too much; we split the model per region and added per-market evaluation',
        },
      ]
    : [
        {
          area,
          decision: 'Split the ledger out of the monolith behind an idempotent API',
          rationale: 'Ledger writes were blocking every release of the checkout code',
          constraints: ['zero double-posting tolerated by finance', 'eight engineers across two time zones'],
          heldUpAtScale: true,
          laterReversed: false,
        },
        {
          area,
          decision: 'Adopted GraphQL federation for the partner API',
          rationale: 'Partners wanted to fetch orders and payouts in one call',
          constraints: ['partners upgrade clients twice a year'],
          heldUpAtScale: false,
          laterReversed: true,
          lessonLearned: 'Query cost was unpredictable under partner load; we moved back to versioned REST resources with batch endpoints',
        },
      ];
}

function opinions(area: Area): TradeOffOpinion[] {
  return area === 'ml'
    ? [
        { topic: 'fine-tuning-vs-rag', stance: 'RAG first for fast-changing policy knowledge', reasoning: 'Fine-tuning bakes in stale facts and costs a retraining cycle per policy change' },
        { topic: 'evaluation', stance: 'Offline evaluation gates plus shadow traffic', reasoning: 'Offline metrics alone missed a calibration regression that shadow traffic caught' },
      ]
    : [
        { topic: 'distributed-systems', stance: 'Sagas over two-phase commit between payment services', reasoning: 'Availability matters more than atomicity across services; compensations are auditable' },
        { topic: 'api-design', stance: 'Versioned resource APIs with deprecation windows', reasoning: 'Partners upgrade slowly and cannot follow breaking changes monthly' },
      ];
}

const UNBLOCKING: UnblockingExample[] = [
  { blocker: 'GPU quota stalled three training runs for a week', resolution: 'Negotiated a reserved pool with finance and queued jobs by release priority' },
];
const SOFTWARE_UNBLOCKING: UnblockingExample[] = [
  { blocker: 'Flaky integration suite kept the mobile team from merging for days', resolution: 'Quarantined the flaky tests, paired on the two root causes and added a flake dashboard' },
];
const TRANSLATION: StakeholderTranslation[] = [
  { audience: 'Head of Risk', situation: 'Explained the precision and recall trade-off as fraud losses versus blocked customers', outcome: 'Agreed a decision threshold per market' },
];
const TEAM_ACHIEVEMENTS = [
  'We cut fraud losses by 30% after our team shipped the streaming features',
  'I led the on-call redesign with the team and we halved pages in a quarter',
  'Our team moved model releases from monthly to weekly with automated evaluation gates',
];
const SOLO_ACHIEVEMENTS = [
  'I built the ranking model and I tuned every hyperparameter myself',
  'I rewrote the training pipeline in three weeks and I cut costs by half',
  'My architecture replaced the legacy scorer; I owned every line of it',
];

function strong(role: TargetRole): CandidateProfile {
  const area: Area = role === 'ai-tech-lead' ? 'ml' : 'software';
  return {
    ...base(role),
    productionSystems: [area === 'ml' ? ML_SYSTEM : SOFTWARE_SYSTEM],
    architectureDecisions: decisions(area),
    tradeOffOpinions: opinions(area),
    codeReview:
      area === 'ml'
        ? { area, aspects: ['correctness', 'scalability', 'evaluation-methodology'], example: 'Blocked a training change that leaked labels through a time-window join' }
        : { area, aspects: ['correctness', 'maintainability', 'performance'], example: 'Caught an N+1 query in the ledger export before it reached production' },
    unblockingExamples: area === 'ml' ? UNBLOCKING : SOFTWARE_UNBLOCKING,
    stakeholderTranslations: TRANSLATION,
    achievements: TEAM_ACHIEVEMENTS,
  };
}

/** Filler that fills every field without saying anything (the "perfect 100" of rubric 2026-03). */
function filler(role: TargetRole): CandidateProfile {
  const area: Area = role === 'ai-tech-lead' ? 'ml' : 'software';
  return {
    ...base(role),
    productionSystems: [
      {
        name: 'Various platforms',
        area,
        evidence: { latency: 'good', reliability: 'robust and scalable', monitoring: 'best practices', incidentResponse: 'handled issues as needed' },
      },
    ],
    architectureDecisions: [
      { area, decision: 'Designed scalable solutions', rationale: 'best practices', constraints: ['various'], heldUpAtScale: true, laterReversed: false },
      { area, decision: 'Drove architecture across teams', rationale: 'to drive impact', constraints: ['etc'], heldUpAtScale: false, laterReversed: true, lessonLearned: 'learned a lot' },
    ],
    tradeOffOpinions: opinions(area).map((o) => ({ ...o, stance: 'it depends', reasoning: 'best practices' })),
    codeReview: { area, aspects: ['correctness', 'scalability', 'maintainability'], example: 'reviewed many things' },
    unblockingExamples: [{ blocker: 'various issues', resolution: 'fixed it' }],
    stakeholderTranslations: [{ audience: 'stakeholders', situation: 'various situations', outcome: 'great outcome' }],
    achievements: ['We delivered great value', 'Our team drove impact across the board'],
  };
}

function aiStrong(): CandidateProfile {
  return strong('ai-tech-lead');
}
function tlStrong(): CandidateProfile {
  return strong('tech-lead');
}

export const CALIBRATION_SET: readonly CalibrationCase[] = [
  // --- strong candidates -------------------------------------------------
  { id: 'ai-strong-fraud', expected: 'advance', reason: 'every ML and leadership signal shown with specifics, no red flag', profile: aiStrong() },
  {
    id: 'ai-strong-recsys',
    expected: 'advance',
    reason: 'recommendation lead: production, decisions with constraints, reasoned trade-offs, team framing',
    profile: {
      ...aiStrong(),
      locationTier: 'us-sf-ny',
      productionSystems: [
        {
          name: 'Home feed recommender',
          area: 'ml',
          evidence: {
            latency: 'two-stage retrieval and ranking inside a 120 ms budget',
            monitoring: 'daily online-offline metric parity checks and embedding drift alerts',
            incidentResponse: 'rolled back a ranking model within 20 minutes when click-through collapsed in Brazil',
          },
        },
      ],
      tradeOffOpinions: [
        { topic: 'managed-vs-custom-training', stance: 'Managed training for tabular models, custom for embeddings', reasoning: 'Embedding jobs need sharded optimisers the managed service lacked' },
        { topic: 'inference-serving', stance: 'Precompute candidates, rank online', reasoning: 'Online retrieval over 200M items could not meet the latency budget' },
      ],
      publications: [{ title: 'Debiasing Feed Ranking', venue: 'RecSys', year: 2023 }],
    },
  },
  {
    id: 'ai-research-with-production',
    expected: 'advance',
    reason: 'strong academic record AND production judgment: the research flag does not apply',
    profile: {
      ...aiStrong(),
      publications: [
        { title: 'Sparse Attention for Ranking', venue: 'NeurIPS', year: 2022 },
        { title: 'Listwise Losses Revisited', venue: 'ICML', year: 2023 },
        { title: 'Calibration under Drift', venue: 'KDD', year: 2024 },
      ],
    },
  },
  {
    id: 'ai-free-topics',
    expected: 'advance',
    reason: 'trade-off opinions on topics outside the old list (batch vs streaming, online vs offline evaluation) count as ML trade-offs',
    profile: {
      ...aiStrong(),
      tradeOffOpinions: [
        { topic: 'batch vs streaming features', area: 'ml', stance: 'Streaming for fraud features, batch for risk reports', reasoning: 'Fraud rings adapt within hours, reports tolerate a daily refresh' },
        { topic: 'online vs offline evaluation', area: 'ml', stance: 'Interleaving tests before any A/B test', reasoning: 'Interleaving needs ten times less traffic to detect a ranking change' },
      ],
    },
  },
  {
    id: 'ai-thin-production-still-shown',
    expected: 'advance',
    reason: 'one system with latency and monitoring is production, not an experiment; the kit asks about reliability and incident response',
    profile: {
      ...aiStrong(),
      productionSystems: [{ name: 'Claims triage model', area: 'ml', evidence: { latency: 'batch scoring of 2M claims every night within four hours', monitoring: 'weekly label-delay dashboards and population stability alerts' } }],
    },
  },
  { id: 'tl-strong-payments', expected: 'advance', reason: 'every software and leadership signal shown with specifics, no red flag', profile: tlStrong() },
  {
    id: 'tl-free-topics',
    expected: 'advance',
    reason: 'monolith vs services and batch vs streaming recorded as software trade-offs and counted',
    profile: {
      ...tlStrong(),
      tradeOffOpinions: [
        { topic: 'monolith vs services', area: 'software', stance: 'Modular monolith until a team boundary forces a split', reasoning: 'Every service we split early doubled on-call load without a release benefit' },
        { topic: 'batch vs streaming', area: 'software', stance: 'Streaming only for the settlement path', reasoning: 'Settlement has a same-day deadline, analytics tolerates a nightly batch' },
        { topic: 'hiring bar vs speed', area: 'other', stance: 'Keep the bar and extend the search', reasoning: 'One wrong senior hire cost us two quarters of rework' },
      ],
    },
  },
  {
    id: 'tl-strong-platform',
    expected: 'advance',
    reason: 'platform lead with production, decisions, reviews and team framing',
    profile: {
      ...tlStrong(),
      locationTier: 'uk-london',
      productionSystems: [
        {
          name: 'Internal deployment platform',
          area: 'software',
          evidence: {
            reliability: 'progressive rollouts with automatic rollback on error-rate regressions',
            monitoring: 'golden-signal dashboards per service generated from the deployment manifest',
            incidentResponse: 'wrote the severity ladder and ran the blameless review programme',
          },
        },
      ],
    },
  },

  // --- thin profiles: silence is not failure ------------------------------
  {
    id: 'ai-thin-agency',
    expected: 'needs-interview',
    reason: 'identity, role and a few facts, nothing against the candidate: the interview should establish the signals',
    profile: { ...base('ai-tech-lead'), communicationRating: 3, productionSystems: [{ name: 'Search ranking', area: 'ml', evidence: {} }] },
  },
  {
    id: 'tl-thin-agency',
    expected: 'needs-interview',
    reason: 'a bare agency submission with one reasoned opinion: nothing shown against, little shown for',
    profile: { ...base('tech-lead'), tradeOffOpinions: [opinions('software')[0] as TradeOffOpinion] },
  },
  {
    id: 'ai-one-publication',
    expected: 'needs-interview',
    reason: 'one publication is not a strong academic record; with nothing else stated the interview decides',
    profile: { ...base('ai-tech-lead'), publications: [{ title: 'Contrastive Pretraining for Tabular Data', venue: 'arXiv', year: 2025 }] },
  },
  {
    id: 'ai-two-technical-shown',
    expected: 'needs-interview',
    reason: 'two ML signals and three leadership signals shown, the other two ML signals not yet known',
    profile: { ...aiStrong(), tradeOffOpinions: [], codeReview: undefined },
  },
  {
    id: 'ai-fixed-it',
    expected: 'needs-interview',
    reason: '"fixed it" is not a concrete unblocking example and translation is unstated: leadership not yet known',
    profile: { ...aiStrong(), unblockingExamples: [{ blocker: 'the build was broken', resolution: 'fixed it' }], stakeholderTranslations: [] },
  },
  {
    id: 'ai-software-trade-offs-only',
    expected: 'needs-interview',
    reason: 'an AI Tech Lead with software trade-offs only and no review practice: ML depth still to be shown',
    profile: { ...aiStrong(), tradeOffOpinions: opinions('software'), codeReview: undefined },
  },
  {
    id: 'tl-one-we-sentence',
    expected: 'needs-interview',
    reason: 'one sentence with "we" is not team framing across achievements, and course correction is unstated',
    profile: { ...tlStrong(), achievements: ['We shipped the ledger'], architectureDecisions: [decisions('software')[0] as ArchitectureDecision] },
  },
  {
    id: 'tl-placeholders',
    expected: 'needs-interview',
    reason: 'n/a, TBD and "not stated" are silence, not evidence: production and reviews are still unknown',
    profile: {
      ...tlStrong(),
      productionSystems: [{ name: 'Checkout', area: 'software', evidence: { latency: 'n/a', reliability: 'TBD', monitoring: 'not stated' } }],
      codeReview: undefined,
    },
  },

  // --- red flags ---------------------------------------------------------
  {
    id: 'ai-hard-to-follow',
    expected: 'reject',
    reason: 'communication that takes effort to follow is not fixable at senior level, whatever else is shown',
    profile: { ...aiStrong(), communicationRating: 2 },
  },
  {
    id: 'tl-hard-to-follow',
    expected: 'reject',
    reason: 'communication rating 1 of 5: blocking red flag',
    profile: { ...tlStrong(), communicationRating: 1 },
  },
  {
    id: 'ai-hard-to-follow-thin',
    expected: 'reject',
    reason: 'a thin profile is not rejected for silence, but a communication rating of 2 rejects on its own',
    profile: { ...base('ai-tech-lead'), communicationRating: 2 },
  },
  {
    id: 'ai-research-only',
    expected: 'reject',
    reason: 'strong academic record with nothing shown in production, told in the first person only: two red flags',
    profile: {
      ...base('ai-tech-lead'),
      locationTier: 'us-sf-ny',
      productionSystems: [{ name: 'Prototype ranking model', area: 'ml', evidence: { latency: 'ran offline in notebooks' } }],
      achievements: SOLO_ACHIEVEMENTS,
      publications: [
        { title: 'Sparse Attention for Ranking', venue: 'NeurIPS', year: 2024 },
        { title: 'Listwise Losses Revisited', venue: 'ICML', year: 2025 },
        { title: 'Ranking under Shift', venue: 'ICLR', year: 2025 },
      ],
      communicationRating: 3,
    },
  },
  {
    id: 'ai-research-team-player',
    expected: 'review',
    reason: 'research depth without production judgment is a red flag even with good leadership: a human decides',
    profile: {
      ...aiStrong(),
      productionSystems: [],
      publications: [
        { title: 'Sparse Attention for Ranking', venue: 'NeurIPS', year: 2022 },
        { title: 'Listwise Losses Revisited', venue: 'ICML', year: 2023 },
        { title: 'Calibration under Drift', venue: 'KDD', year: 2024 },
      ],
    },
  },
  {
    id: 'tl-research-no-production',
    expected: 'review',
    reason: 'a systems researcher with papers and no software system shown in production',
    profile: {
      ...tlStrong(),
      productionSystems: [],
      publications: [
        { title: 'Consensus at the Edge', venue: 'OSDI', year: 2021 },
        { title: 'Tail Latency in Sharded Stores', venue: 'NSDI', year: 2022 },
        { title: 'Leases Revisited', venue: 'EuroSys', year: 2024 },
      ],
    },
  },
  { id: 'ai-solo-framing', expected: 'review', reason: 'every achievement in the first person singular, no team dynamics', profile: { ...aiStrong(), achievements: SOLO_ACHIEVEMENTS } },
  { id: 'tl-solo-framing', expected: 'review', reason: 'solo-contributor framing across all achievements', profile: { ...tlStrong(), achievements: SOLO_ACHIEVEMENTS.slice(0, 2) } },
  {
    id: 'ai-vague-decisions',
    expected: 'review',
    reason: 'claims architectural decisions but gives no reasoning or constraints behind them',
    profile: { ...aiStrong(), architectureDecisions: decisions('ml').map(({ rationale: _r, constraints: _c, ...d }) => d) },
  },
  {
    id: 'tl-vague-decisions',
    expected: 'review',
    reason: 'decisions stated with a rationale but without the constraints that shaped them',
    profile: { ...tlStrong(), architectureDecisions: decisions('software').map(({ constraints: _c, ...d }) => d) },
  },
  {
    id: 'ai-solo-and-vague',
    expected: 'reject',
    reason: 'two red flags (solo framing and vague decisions) reject',
    profile: { ...aiStrong(), achievements: SOLO_ACHIEVEMENTS, architectureDecisions: decisions('ml').map(({ rationale: _r, ...d }) => d) },
  },

  // --- evidence against ------------------------------------------------------
  {
    id: 'ai-denies-production',
    expected: 'reject',
    reason: 'says there is no monitoring yet and reviews only for correctness: two ML signals contradicted',
    profile: {
      ...aiStrong(),
      productionSystems: [{ name: 'Churn model', area: 'ml', evidence: { monitoring: 'no monitoring yet', incidentResponse: 'not yet needed' } }],
      codeReview: { area: 'ml', aspects: ['correctness'], example: 'Check that the unit tests of the feature code pass' },
    },
  },
  {
    id: 'tl-opinions-without-reasons',
    expected: 'reject',
    reason: 'holds trade-off opinions without any reasoning and reviews only for correctness',
    profile: {
      ...tlStrong(),
      tradeOffOpinions: opinions('software').map((o) => ({ ...o, reasoning: 'it depends' })),
      codeReview: { area: 'software', aspects: ['correctness'], example: 'Check the build is green and the tests pass' },
    },
  },
  {
    id: 'ai-no-monitoring-otherwise-strong',
    expected: 'review',
    reason: 'otherwise strong, but "no monitoring yet" speaks against shipped production: a human weighs it, it does not advance by itself',
    profile: { ...aiStrong(), productionSystems: [{ name: 'Churn model', area: 'ml', evidence: { monitoring: 'no monitoring yet' } }] },
  },

  // --- gamed profiles ----------------------------------------------------------
  {
    id: 'ai-gamed-filler',
    expected: 'review',
    reason: 'every field filled with filler: nothing shown, and the claimed decisions have no reasoning (vague decisions)',
    profile: filler('ai-tech-lead'),
  },
  {
    id: 'tl-gamed-filler',
    expected: 'review',
    reason: 'generic filler in every field: claimed decisions without reasoning, nothing specific anywhere',
    profile: filler('tech-lead'),
  },
  {
    id: 'ai-gamed-placeholders',
    expected: 'needs-interview',
    reason: 'placeholders in every field and no decisions claimed: nothing to count, nothing against, so interview',
    profile: {
      ...filler('ai-tech-lead'),
      architectureDecisions: [],
      productionSystems: [{ name: 'ML platform', area: 'ml', evidence: { latency: 'n/a', reliability: 'TBD', monitoring: 'see CV', incidentResponse: 'not stated' } }],
    },
  },
  {
    id: 'tl-gamed-hard-to-follow',
    expected: 'reject',
    reason: 'filler everywhere and a communication rating of 2',
    profile: { ...filler('tech-lead'), communicationRating: 2 },
  },
];
