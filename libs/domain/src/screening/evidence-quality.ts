import type { EvidenceQuality, ScoreBands } from './rubric';

/**
 * The evidence-quality section of the 2026-12 rubrics, shared by both roles
 * (the guide: leadership signals and red flags are the same for both; what
 * counts as saying something does not depend on the role either).
 */
export const EVIDENCE_QUALITY_2026_12: EvidenceQuality = {
  substance: {
    negationOpeners: ['no', 'not', 'none', 'never', 'nothing', 'without'],
    negationPhrases: ['not yet', 'yet to', 'not stated', 'not applicable', 'not known', "don't have", 'do not have', "haven't", 'have not', 'to be added', 'to be defined'],
    placeholders: ['n a', 'na', 'tbd', 'tba', 'todo', 'unknown', 'none', 'nothing', 'not stated', 'see cv', 'see resume', 'same as above', 'various', 'etc', 'x', 'yes', 'ok'],
    emptyWords: [
      // generic verbs that say an action happened without saying which
      'handled', 'handle', 'sorted', 'resolved', 'resolve', 'solved', 'helped', 'help', 'worked', 'work', 'managed',
      'did', 'made', 'make', 'dealt', 'took', 'care', 'got', 'get', 'ensured', 'ensure', 'improved', 'improve', 'drove', 'drive', 'driven',
      'delivered', 'deliver', 'leveraged', 'leverage', 'used', 'use', 'went', 'things', 'thing', 'stuff', 'issue', 'issues', 'problem', 'problems',
      // filler adjectives and buzzwords
      'various', 'many', 'multiple', 'several', 'lots', 'lot', 'good', 'great', 'best', 'practices', 'practice', 'standard', 'appropriate',
      'proper', 'properly', 'robust', 'scalable', 'innovative', 'cutting', 'edge', 'world', 'class', 'dynamic', 'passionate', 'excellence',
      'synergy', 'synergies', 'impact', 'impactful', 'value', 'solutions', 'solution', 'initiatives', 'initiative', 'stakeholders',
      'efficient', 'effective', 'effectively', 'successfully', 'successful', 'quality', 'high', 'needed', 'necessary', 'relevant', 'usual',
      'always', 'everything', 'anything', 'something', 'well', 'fine', 'basically', 'generally', 'etc', 'across', 'end',
    ],
    minContentWords: 3,
    minLabelWords: 2,
  },
  production: { concerns: ['latency', 'reliability', 'monitoring', 'incidentResponse'], minConcerns: 2 },
  teamFraming: { minAchievements: 2, minTeamShare: 0.5 },
  research: { minPublications: 2 },
};

export const SCORE_BANDS_2026_12: ScoreBands = {
  reject: { min: 0, max: 29 },
  review: { min: 30, max: 59 },
  needsInterview: { min: 30, max: 59 },
  advance: { min: 60, max: 100 },
  blockingFlagCap: 15,
};
