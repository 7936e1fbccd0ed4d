import { uniqueName } from '@hiring/testing';

/** The smallest profile the domain schema accepts: facts only, no identity. */
export function minimalProfile(): Record<string, unknown> {
  return {
    targetRole: 'ai-tech-lead',
    locationTier: 'uk-london',
    yearsOfExperience: 11,
    productionSystems: [
      {
        name: 'Fraud scoring service',
        area: 'ml',
        evidence: { latency: 'p99 under 25 ms at 40k rps', monitoring: 'drift dashboards with paging alerts' },
      },
    ],
    architectureDecisions: [],
    tradeOffOpinions: [],
    unblockingExamples: [],
    stakeholderTranslations: [],
    achievements: ['We cut fraud losses by 30%'],
    publications: [],
    communicationRating: 4,
    internalCandidate: false,
    leadershipInterest: true,
    softSkillEvidence: [],
  };
}

/** An email nobody else in this or any earlier run used. */
export function uniqueEmail(): string {
  return `${uniqueName('cand')}@example.com`;
}

export function submission(requisitionId: string, overrides: { externalId?: string; email?: string; phone?: string; profileUrl?: string; name?: string } = {}) {
  const candidate: Record<string, string> = { name: overrides.name ?? 'Jane Doe' };
  const email = 'email' in overrides ? overrides.email : uniqueEmail();
  if (email !== undefined) candidate['email'] = email;
  if (overrides.phone) candidate['phone'] = overrides.phone;
  if (overrides.profileUrl) candidate['profileUrl'] = overrides.profileUrl;
  return { externalId: overrides.externalId ?? uniqueName('ext'), requisitionId, candidate, profile: minimalProfile() };
}

export const AI_LEAD_SIGNALS = {
  mlTeamSize: 4,
  mlArchitectureOwned: false,
  buildsProprietaryModels: true,
  mlInProduction: true,
  mlTechDebtGrowing: true,
  productMlMisaligned: false,
  aiFirstProduct: true,
  partTimeMlLeadership: false,
};

/** A phone number unlikely to be claimed by any earlier run (the database keeps every claim). */
export function uniquePhone(country = '+44 7'): string {
  const digits = Array.from({ length: 9 }, () => Math.floor(Math.random() * 10)).join('');
  return `${country}${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;
}
