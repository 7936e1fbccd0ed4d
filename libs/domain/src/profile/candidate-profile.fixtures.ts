import type { CandidateProfile } from './candidate-profile';

/**
 * Test profiles shared by the domain specs (not exported from the library).
 * `strongAiTechLead` meets every AI Tech Lead signal and raises no flag;
 * specs derive weaker candidates from it one fact at a time.
 */
export function strongAiTechLead(): CandidateProfile {
  return {
    targetRole: 'ai-tech-lead',
    locationTier: 'uk-london',
    yearsOfExperience: 12,
    productionSystems: [
      {
        name: 'Fraud scoring service',
        area: 'ml',
        description: 'Real-time gradient-boosted fraud model serving 40k requests/s',
        evidence: {
          latency: 'p99 under 25 ms at 40k rps',
          reliability: '99.95% availability over two years',
          monitoring: 'feature drift and calibration dashboards with paging alerts',
          incidentResponse: 'ran the rollback playbook when a feature pipeline broke',
        },
      },
    ],
    architectureDecisions: [
      {
        area: 'ml',
        decision: 'Moved feature computation to a streaming feature store',
        rationale: 'Batch features were six hours stale, which let fraud rings adapt',
        constraints: ['25 ms latency budget', 'team of five'],
        heldUpAtScale: true,
        laterReversed: false,
      },
      {
        area: 'ml',
        decision: 'Chose a single multi-task model for all markets',
        rationale: 'One model to operate with a small team',
        constraints: ['one on-call rotation'],
        heldUpAtScale: false,
        laterReversed: true,
        lessonLearned: 'Market drift differed too much; we split per region and added per-market evaluation',
      },
    ],
    tradeOffOpinions: [
      { topic: 'fine-tuning-vs-rag', stance: 'RAG first for fast-changing knowledge', reasoning: 'Fine-tuning bakes in stale facts and costs a retraining cycle' },
      { topic: 'evaluation', stance: 'Offline eval gates plus shadow traffic', reasoning: 'Offline metrics alone missed a calibration regression' },
    ],
    codeReview: {
      area: 'ml',
      aspects: ['correctness', 'scalability', 'architecture-fit', 'evaluation-methodology'],
      example: 'Blocked a training change that leaked labels through a time-window join',
    },
    unblockingExamples: [
      { blocker: 'GPU quota stalled three training runs', resolution: 'Negotiated a reserved pool and queued jobs by priority' },
    ],
    stakeholderTranslations: [
      { audience: 'Head of Risk', situation: 'Explained precision/recall trade-off as fraud losses vs blocked customers', outcome: 'Agreed a threshold per market' },
    ],
    achievements: [
      'We cut fraud losses by 30% after our team shipped the streaming features',
      'I led the on-call redesign with the team and we halved pages',
    ],
    publications: [],
    communicationRating: 4,
    internalCandidate: false,
    leadershipInterest: true,
    softSkillEvidence: [
      { skill: 'clear-communication', example: 'Wrote the quarterly ML roadmap read by the exec team' },
      { skill: 'stakeholder-management', example: 'Ran the monthly risk/ML review' },
      { skill: 'influence-without-authority', example: 'Got platform to adopt the feature store without a mandate' },
    ],
    currentBase: { amount: 150_000, currency: 'GBP' },
    expectedBase: { amount: 170_000, currency: 'GBP' },
  };
}

/** Strong academic record, nothing on deployment, monitoring or failure modes; talks about "I". */
export function researchOnlyCandidate(): CandidateProfile {
  return {
    targetRole: 'ai-tech-lead',
    locationTier: 'us-sf-ny',
    yearsOfExperience: 8,
    productionSystems: [{ name: 'Prototype ranking model', area: 'ml', evidence: { latency: 'ran offline in notebooks' } }],
    architectureDecisions: [{ area: 'ml', decision: 'Used a transformer for ranking', heldUpAtScale: false, laterReversed: false }],
    tradeOffOpinions: [{ topic: 'evaluation', stance: 'Benchmarks are enough', reasoning: 'They are what reviewers accept' }],
    unblockingExamples: [],
    stakeholderTranslations: [],
    achievements: ['I published three papers on ranking', 'My model beat the benchmark; I wrote all of it myself'],
    publications: [
      { title: 'Sparse Attention for Ranking', venue: 'NeurIPS', year: 2024 },
      { title: 'Listwise Losses Revisited', venue: 'ICML', year: 2025 },
    ],
    communicationRating: 3,
    internalCandidate: false,
    leadershipInterest: false,
    softSkillEvidence: [],
  };
}

/** A software Technical Lead candidate meeting every software signal. */
export function strongTechLead(): CandidateProfile {
  const base = strongAiTechLead();
  return {
    ...base,
    targetRole: 'tech-lead',
    locationTier: 'us-metro',
    productionSystems: [
      {
        name: 'Payments API',
        area: 'software',
        evidence: {
          latency: 'p99 80 ms',
          reliability: 'multi-region active-active',
          monitoring: 'SLO burn-rate alerts',
          incidentResponse: 'incident commander for the 2024 outage',
        },
      },
    ],
    architectureDecisions: base.architectureDecisions.map((d) => ({ ...d, area: 'software' as const })),
    tradeOffOpinions: [
      { topic: 'distributed-systems', stance: 'Sagas over two-phase commit', reasoning: 'Availability matters more than atomicity across services here' },
      { topic: 'api-design', stance: 'Versioned resource APIs', reasoning: 'Partners upgrade slowly' },
    ],
    codeReview: { area: 'software', aspects: ['correctness', 'maintainability', 'performance'], example: 'Caught an N+1 query in the ledger' },
  };
}
