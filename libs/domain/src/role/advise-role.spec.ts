import { DomainError } from '../shared/domain-error';
import { ADVISOR_RULES_2026_03 } from './advisor-rules';
import { adviseRole, type RequisitionSignals } from './advise-role';

/** A software company with a narrow, covered ML component: the one case a general lead is enough. */
const softwareFirst: RequisitionSignals = {
  mlTeamSize: 2,
  mlArchitectureOwned: false,
  buildsProprietaryModels: false,
  mlInProduction: true,
  mlTechDebtGrowing: false,
  productMlMisaligned: false,
  aiFirstProduct: false,
  partTimeMlLeadership: true,
};

const advise = (overrides: Partial<RequisitionSignals>) => adviseRole({ ...softwareFirst, ...overrides }, ADVISOR_RULES_2026_03);
const metIds = (overrides: Partial<RequisitionSignals>) => advise(overrides).signals.filter((s) => s.met).map((s) => s.id);

describe('role advisor / software product, narrow covered ML component', () => {
  it('advises a general Technical Lead, with no signal met', () => {
    const advice = advise({});
    expect(advice.role).toBe('tech-lead');
    expect(advice.rulesVersion).toBe('2026-03');
    expect(advice.signals.map((s) => [s.id, s.met])).toEqual([
      ['role.ml-team-without-architecture-owner', false],
      ['role.proprietary-models', false],
      ['role.production-ml-debt', false],
      ['role.product-ml-misalignment', false],
    ]);
  });
});

describe('role advisor / each signal', () => {
  it('ML team of 3 with no architecture owner meets signal 1; 2 engineers or an owner do not', () => {
    expect(metIds({ mlTeamSize: 3 })).toEqual(['role.ml-team-without-architecture-owner']);
    expect(metIds({ mlTeamSize: 2 })).toEqual([]);
    expect(metIds({ mlTeamSize: 5, mlArchitectureOwned: true })).toEqual([]);
  });

  it('ML in production with growing debt meets signal 3; debt without production does not', () => {
    expect(metIds({ mlTechDebtGrowing: true })).toEqual(['role.production-ml-debt']);
    expect(metIds({ mlInProduction: false, mlTechDebtGrowing: true })).toEqual([]);
  });

  it('misalignment meets signal 4', () => {
    expect(metIds({ productMlMisaligned: true })).toEqual(['role.product-ml-misalignment']);
  });
});

describe('role advisor / two or more signals', () => {
  it('debt + misalignment advise the AI Tech Lead and name both signals', () => {
    const advice = advise({ mlTechDebtGrowing: true, productMlMisaligned: true });
    expect(advice.role).toBe('ai-tech-lead');
    expect(advice.reasons[0]).toContain('2 signals (role.production-ml-debt, role.product-ml-misalignment)');
    expect(advice.reasons[0]).toContain('advisor rules 2026-03');
  });

  it('one signal alone (debt) with every "enough" condition holding stays a general Technical Lead', () => {
    expect(advise({ mlTechDebtGrowing: true }).role).toBe('tech-lead');
  });
});

describe('role advisor / pushes to the AI Tech Lead on their own', () => {
  it('an AI-first product', () => {
    const advice = advise({ aiFirstProduct: true });
    expect(advice.role).toBe('ai-tech-lead');
    expect(advice.reasons).toEqual(['the product is AI-first: AI-first companies need the AI Tech Lead (advisor rules 2026-03)']);
  });

  it('proprietary models', () => {
    expect(advise({ buildsProprietaryModels: true }).role).toBe('ai-tech-lead');
  });
});

describe('role advisor / a general lead is enough only when all conditions hold', () => {
  it('no part-time ML leadership: AI Tech Lead', () => {
    const advice = advise({ partTimeMlLeadership: false });
    expect(advice.role).toBe('ai-tech-lead');
    expect(advice.reasons[0]).toContain('nobody already covers ML leadership part-time');
  });

  it('an ML team of 3 whose architecture is owned (no signal) still exceeds the small-team condition', () => {
    const advice = advise({ mlTeamSize: 3, mlArchitectureOwned: true });
    expect(advice.signals.every((s) => !s.met)).toBe(true);
    expect(advice.role).toBe('ai-tech-lead');
  });
});

describe('role advisor / bad input', () => {
  it('a negative team size is an error', () => {
    expect(() => advise({ mlTeamSize: -1 })).toThrow(DomainError);
  });
});
