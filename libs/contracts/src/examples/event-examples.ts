// One realistic, valid payload per event type, all about the same candidate
// on their way through the pipeline. They are the examples in the AsyncAPI
// document and docs/events.md, and the seeds of the schema parity tests, so
// they set every optional field: a field no example shows is a field no test covers.
import type { EventPayloads, EventType } from '../catalogue';
import type { CandidateProfilePayload } from '../events/candidate-profile.payload';

export const EXAMPLE_CANDIDATE_ID = 'cand-7f3c2a91';
export const EXAMPLE_AGENCY_ID = 'northstar-talent';
export const EXAMPLE_REQUISITION_ID = 'req-ml-platform-lead';
export const EXAMPLE_SUBMISSION_ID = 'sub-5e1d0b44';

export const EXAMPLE_SEALED_PROFILE =
  'pd1.CQkJCQkJCQkJCQkJ.XKfw9cyXpBXyDaddxNCBvr2dF5ZXhtqsCs8ihPlWbxWngMX5wDdScRLDyXNkRJG7Gj3y8T603SsEA2TzdmET-gRf6WCpQ5TCtZClEZ-C4Yw_lA.S3wO7E5_sQlW45zE_4fC-w';

export const EXAMPLE_SEALED_NOTES =
  'pd1.CQkJCQkJCQkJCQkJ.XKfw8d2Y7wjOBLlZy57RvrDVDJVSndX6Te80waARZVq-hImihTdOMAvBxH8qXY2zXDLx5jL1jjoADmy3OXBa_QUHsy7iSInU-JShEZ-K64Zpyahj2XGhk1-TdOo65mlMYB6h4bo4pmpNs-VtC5MleMUsN1ra9LiNd6a3j211JZrmtXcEBN4xmmgHoLgLkSPQPaUFHZchpy01Ho3x3dFq9TsdgTtE8hPr23aoZW75FGCbismuVv8mMOWPyA0K.bpa5xqQlN4slzwBpLvnNjg';

export const EXAMPLE_PROFILE: CandidateProfilePayload = {
  targetRole: 'ai-tech-lead',
  locationTier: 'uk-london',
  yearsOfExperience: 11,
  productionSystems: [
    {
      name: 'Fraud scoring service',
      area: 'ml',
      description: 'Real-time transaction scoring for 40M card payments a day.',
      evidence: {
        latency: 'p99 under 35 ms at 6k requests per second after moving features to an online store.',
        reliability: '99.95% availability over two years; shadow deployments for every model change.',
        monitoring: 'Feature drift and calibration dashboards with paging on PSI above 0.2.',
        incidentResponse: 'Led the post-mortem when a stale feature pipeline doubled false positives; we added freshness checks.',
      },
    },
  ],
  architectureDecisions: [
    {
      area: 'ml',
      decision: 'Split batch and online feature computation behind one feature registry.',
      rationale: 'Training/serving skew caused most of our incidents.',
      constraints: ['35 ms latency budget', 'team of 6 ML engineers'],
      heldUpAtScale: true,
      laterReversed: false,
    },
    {
      area: 'ml',
      decision: 'Self-hosted training cluster instead of a managed service.',
      rationale: 'GPU cost at the time.',
      constraints: ['fixed hardware budget'],
      heldUpAtScale: false,
      laterReversed: true,
      lessonLearned: 'We under-estimated the operating cost; we moved to managed training and the team got two engineers back.',
    },
  ],
  tradeOffOpinions: [
    {
      topic: 'fine-tuning-vs-rag',
      stance: 'RAG first, fine-tune only for format or latency.',
      reasoning: 'Retrieval keeps knowledge fresh and auditable; fine-tuning pays off when prompts cannot fix behaviour.',
    },
  ],
  codeReview: {
    area: 'ml',
    aspects: ['scalability', 'evaluation-methodology', 'data-quality'],
    example: 'Blocked a model change whose offline gain came from label leakage in the evaluation split.',
  },
  unblockingExamples: [
    {
      blocker: 'Two engineers stuck for a week on non-reproducible training runs.',
      resolution: 'Paired with them to pin data snapshots and seeds; we wrote the runbook together.',
    },
  ],
  stakeholderTranslations: [
    {
      audience: 'Head of Risk',
      situation: 'Risk wanted a single accuracy number for the fraud model.',
      outcome: 'Agreed on cost-weighted precision at a fixed review capacity; it became the quarterly KPI.',
    },
  ],
  achievements: ['We cut fraud losses by 18% in a year while halving manual reviews.'],
  publications: [{ title: 'Online feature stores in practice', venue: 'MLOps World', year: 2023 }],
  communicationRating: 4,
  internalCandidate: false,
  leadershipInterest: true,
  softSkillEvidence: [{ skill: 'influence-without-authority', example: 'Got three product teams to adopt the shared evaluation harness.' }],
  currentBase: { amount: 135000, currency: 'GBP' },
  expectedBase: { amount: 150000, currency: 'GBP' },
};

export const EXAMPLE_EVENT_DATA: { readonly [K in EventType]: EventPayloads[K] } = {
  'recruiting.submission.v1': {
    agencyId: EXAMPLE_AGENCY_ID,
    externalId: 'NS-2026-0142',
    requisitionId: EXAMPLE_REQUISITION_ID,
    candidate: {
      name: 'Ada Example',
      email: 'ada@example.org',
      phone: '+44 20 7946 0000',
      profileUrl: 'https://www.example.org/in/ada-example',
    },
    profile: EXAMPLE_PROFILE,
  },
  'recruiting.candidate-sourced.v1': {
    candidateId: EXAMPLE_CANDIDATE_ID,
    submissionId: EXAMPLE_SUBMISSION_ID,
    agencyId: EXAMPLE_AGENCY_ID,
    requisitionId: EXAMPLE_REQUISITION_ID,
    role: 'ai-tech-lead',
    locationTier: 'uk-london',
    sourcedAt: '2026-03-02T09:15:00Z',
    // Sealed with an example key (32 bytes of 7s), context `cand-7f3c2a91:profile`.
    sealedProfile: EXAMPLE_SEALED_PROFILE,
  },
  'recruiting.candidate-screened.v1': {
    candidateId: EXAMPLE_CANDIDATE_ID,
    submissionId: EXAMPLE_SUBMISSION_ID,
    agencyId: EXAMPLE_AGENCY_ID,
    requisitionId: EXAMPLE_REQUISITION_ID,
    role: 'ai-tech-lead',
    locationTier: 'uk-london',
    decision: 'needs-interview',
    rubric: { id: 'ai-tech-lead-screening', version: '2026-12' },
    rules: [
      { ruleId: 'tech.architecture-at-scale', kind: 'signal', group: 'technical', met: true, state: 'shown', thin: false },
      { ruleId: 'tech.shipped-production', kind: 'signal', group: 'technical', met: true, state: 'shown', thin: true },
      { ruleId: 'lead.course-correction', kind: 'signal', group: 'leadership', met: false, state: 'not-yet-known', thin: false },
      { ruleId: 'flag.solo-framing', kind: 'red-flag', group: 'red-flag', met: false, state: 'contradicted', thin: false },
    ],
    counts: { technicalShown: 2, technicalTotal: 4, leadershipShown: 3, leadershipTotal: 4, redFlagsRaised: 0, contradicted: 0, notYetKnown: 3 },
    interviewKit: ['tech.infra-tradeoffs', 'lead.course-correction', 'tech.code-review', 'tech.shipped-production'],
    screenedAt: '2026-03-02T09:15:02Z',
    revision: 0,
  },
  'recruiting.candidate-scored.v1': {
    candidateId: EXAMPLE_CANDIDATE_ID,
    submissionId: EXAMPLE_SUBMISSION_ID,
    agencyId: EXAMPLE_AGENCY_ID,
    requisitionId: EXAMPLE_REQUISITION_ID,
    role: 'ai-tech-lead',
    locationTier: 'uk-london',
    score: 78,
    breakdown: [
      { group: 'technical', points: 45, max: 60, rules: [{ ruleId: 'tech.architecture-at-scale', points: 15 }, { ruleId: 'tech.shipped-production', points: 15 }, { ruleId: 'tech.code-review', points: 15 }] },
      { group: 'leadership', points: 33, max: 40, rules: [{ ruleId: 'lead.unblocking', points: 10 }, { ruleId: 'lead.course-correction', points: 12.5 }, { ruleId: 'lead.translation', points: 10.5 }] },
    ],
    penalties: [{ ruleId: 'flag.hard-to-follow', points: 0 }],
    decision: 'advance',
    rubric: { id: 'ai-tech-lead-screening', version: '2026-03' },
    scoredAt: '2026-03-02T09:15:03Z',
  },
  'recruiting.offer-guidance.v1': {
    candidateId: EXAMPLE_CANDIDATE_ID,
    role: 'ai-tech-lead',
    locationTier: 'uk-london',
    currency: 'GBP',
    base: { min: 140000, max: 185000 },
    totalComp: { min: 165000, max: 250000 },
    rateCardVersion: '2026-03',
    issuedAt: '2026-03-02T09:15:04Z',
  },
  'recruiting.offer-decided.v1': {
    offerId: 'offer-2b9e',
    candidateId: EXAMPLE_CANDIDATE_ID,
    submissionId: EXAMPLE_SUBMISSION_ID,
    role: 'ai-tech-lead',
    locationTier: 'uk-london',
    base: { amount: 130000, currency: 'GBP' },
    decision: 'approved',
    floor: { amount: 140000, currency: 'GBP' },
    gap: 10000,
    reasons: [
      { code: 'BELOW_FLOOR', message: '£130,000 is £10,000 below the AI Tech Lead floor of £140,000 for uk-london (rate card 2026-03).' },
      { code: 'SOFTWARE_BAND_BENCHMARK', message: 'The offer sits inside the software tech lead band (£100,000 – £150,000): it was benchmarked against the wrong role.' },
    ],
    rateCardVersion: '2026-03',
    override: { approver: 'vp-engineering', reason: 'Candidate accepted a 4-day week; pro-rata equivalent is above the floor.' },
    decidedAt: '2026-03-09T16:40:00Z',
  },
  'recruiting.candidate-erased.v1': {
    candidateId: EXAMPLE_CANDIDATE_ID,
    erasedAt: '2026-04-01T08:00:00Z',
    requestedBy: 'privacy-desk',
  },
  'recruiting.interview-feedback.v1': {
    feedbackId: 'fb-31c9d0e2',
    candidateId: EXAMPLE_CANDIDATE_ID,
    interviewerId: 'int-priya-r',
    interviewedAt: '2026-03-05T14:00:00Z',
    communicationRating: 4,
    answers: [
      { ruleId: 'tech.infra-tradeoffs', outcome: 'confirmed' },
      { ruleId: 'tech.code-review', outcome: 'not-confirmed' },
      { ruleId: 'lead.course-correction', outcome: 'confirmed' },
    ],
    // Sealed with the example key (32 bytes of 7s), context `cand-7f3c2a91:interview-notes`.
    sealedNotes: EXAMPLE_SEALED_NOTES,
  },
};

/** Fixed envelope attributes for the documented examples (the generator must be deterministic). */
export const EXAMPLE_SOURCES: { readonly [K in EventType]: string } = {
  'recruiting.submission.v1': `/agencies/${EXAMPLE_AGENCY_ID}`,
  'recruiting.candidate-sourced.v1': '/services/sourcing',
  'recruiting.candidate-screened.v1': '/services/screening',
  'recruiting.candidate-scored.v1': '/services/scoring',
  'recruiting.offer-guidance.v1': '/services/offer',
  'recruiting.offer-decided.v1': '/services/offer',
  'recruiting.candidate-erased.v1': '/services/sourcing',
  'recruiting.interview-feedback.v1': '/tools/interview-kit',
};

/** A documentation-only secret; real secrets are per agency and never in the repository. */
export const EXAMPLE_SIGNING_SECRET = 'example-agency-secret';
