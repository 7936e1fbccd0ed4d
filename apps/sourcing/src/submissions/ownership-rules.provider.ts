import type { Provider } from '@nestjs/common';
import { OWNERSHIP_RULES_2026_03, withOwnershipWindowDays, type OwnershipRules } from '@hiring/domain';
import { SourcingConfig } from '../sourcing.config';

export const OWNERSHIP_RULES = Symbol('OWNERSHIP_RULES');

/** The ownership rules in force: the versioned default, with the window from OWNERSHIP_WINDOW_DAYS when set. */
export function ownershipRulesFor(config: Pick<SourcingConfig, 'OWNERSHIP_WINDOW_DAYS'>): OwnershipRules {
  return config.OWNERSHIP_WINDOW_DAYS ? withOwnershipWindowDays(OWNERSHIP_RULES_2026_03, config.OWNERSHIP_WINDOW_DAYS) : OWNERSHIP_RULES_2026_03;
}

export const ownershipRulesProvider: Provider = {
  provide: OWNERSHIP_RULES,
  inject: [SourcingConfig],
  useFactory: (config: SourcingConfig) => ownershipRulesFor(config),
};
