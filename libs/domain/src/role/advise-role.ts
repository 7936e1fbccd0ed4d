import { DomainError, DomainErrorCode } from '../shared/domain-error';
import type { TargetRole } from '../shared/roles';
import type { AdvisorRules } from './advisor-rules';

/** Yes/no facts about a requisition that tell which lead it needs. */
export interface RequisitionSignals {
  mlTeamSize: number;
  mlArchitectureOwned: boolean;
  buildsProprietaryModels: boolean;
  mlInProduction: boolean;
  mlTechDebtGrowing: boolean;
  productMlMisaligned: boolean;
  aiFirstProduct: boolean;
  /** Someone (CTO, senior ML engineer) already covers ML leadership part-time at manageable cost. */
  partTimeMlLeadership: boolean;
}

export const ROLE_SIGNAL_IDS = [
  'role.ml-team-without-architecture-owner',
  'role.proprietary-models',
  'role.production-ml-debt',
  'role.product-ml-misalignment',
] as const;
export type RoleSignalId = (typeof ROLE_SIGNAL_IDS)[number];

export interface RoleSignal {
  id: RoleSignalId;
  met: boolean;
  reason: string;
}

export interface RoleAdvice {
  role: TargetRole;
  signals: RoleSignal[];
  reasons: string[];
  rulesVersion: string;
}

function signals(req: RequisitionSignals, rules: AdvisorRules): RoleSignal[] {
  const size = rules.mlTeamSizeThreshold;
  return [
    {
      id: 'role.ml-team-without-architecture-owner',
      met: req.mlTeamSize >= size && !req.mlArchitectureOwned,
      reason: `ML team of ${req.mlTeamSize} (threshold ${size}), ML architecture ${req.mlArchitectureOwned ? 'has an owner' : 'owned by nobody'}`,
    },
    {
      id: 'role.proprietary-models',
      met: req.buildsProprietaryModels,
      reason: req.buildsProprietaryModels
        ? 'builds proprietary models (fine-tuning, custom training, novel ML)'
        : 'integrates third-party models/APIs only',
    },
    {
      id: 'role.production-ml-debt',
      met: req.mlInProduction && req.mlTechDebtGrowing,
      reason: `ML ${req.mlInProduction ? 'is' : 'is not'} in production; technical debt ${req.mlTechDebtGrowing ? 'is' : 'is not'} accumulating`,
    },
    {
      id: 'role.product-ml-misalignment',
      met: req.productMlMisaligned,
      reason: req.productMlMisaligned
        ? 'product and engineering are misaligned on what ML can deliver'
        : 'product and engineering agree on what ML can deliver',
    },
  ];
}

/**
 * Which lead a requisition needs (hiring-rules.md section 2). The general
 * Technical Lead is the exception that must be earned: it is advised only
 * when fewer than the threshold of signals hold AND every "a general lead is
 * enough" condition holds; anything else needs the AI Tech Lead.
 */
export function adviseRole(req: RequisitionSignals, rules: AdvisorRules): RoleAdvice {
  if (!Number.isInteger(req.mlTeamSize) || req.mlTeamSize < 0) {
    throw new DomainError(DomainErrorCode.INVALID_INPUT, `mlTeamSize must be a non-negative integer, got ${String(req.mlTeamSize)}`, {
      field: 'mlTeamSize',
    });
  }
  const evaluated = signals(req, rules);
  const met = evaluated.filter((s) => s.met);
  const at = `advisor rules ${rules.version}`;
  const advice = (role: TargetRole, reasons: string[]): RoleAdvice => ({ role, signals: evaluated, reasons, rulesVersion: rules.version });

  if (met.length >= rules.minSignalsForAiTechLead) {
    return advice('ai-tech-lead', [
      `${met.length} signals (${met.map((s) => s.id).join(', ')}); ${rules.minSignalsForAiTechLead} or more need an AI Tech Lead: a general tech lead would manage process but cannot set the technical direction (${at})`,
    ]);
  }
  const pushes: string[] = [];
  if (req.aiFirstProduct) pushes.push(`the product is AI-first: AI-first companies need the AI Tech Lead (${at})`);
  if (req.buildsProprietaryModels) pushes.push(`the company builds proprietary models: that needs the AI Tech Lead (${at})`);
  if (pushes.length > 0) return advice('ai-tech-lead', pushes);

  // Every condition under which the guide says a general Technical Lead is enough.
  const notEnough: string[] = [];
  if (req.mlTeamSize >= rules.mlTeamSizeThreshold) notEnough.push(`the ML team has ${req.mlTeamSize} engineers (a general lead needs fewer than ${rules.mlTeamSizeThreshold})`);
  if (!req.partTimeMlLeadership) notEnough.push('nobody already covers ML leadership part-time');
  if (notEnough.length > 0) {
    return advice(
      'ai-tech-lead',
      notEnough.map((r) => `a general Technical Lead is enough only when all its conditions hold, but ${r} (${at})`),
    );
  }
  return advice('tech-lead', [
    `${met.length} signal(s), fewer than ${rules.minSignalsForAiTechLead}; ML is third-party integration, the ML team has ${req.mlTeamSize} (< ${rules.mlTeamSizeThreshold}) engineers, ML leadership is covered part-time and the product is not AI-first: a general Technical Lead is enough (${at})`,
  ]);
}
