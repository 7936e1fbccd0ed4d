import type { Command } from 'commander';
import { registerOfferCommands } from './offer.command';
import { registerPromotionCommands } from './promotion.command';
import { registerRateCardCommands } from './rate-cards.command';
import { registerRoleCommands } from './role.command';
import { registerScreeningCommands } from './screening.command';

/**
 * Every command group registers itself on the program. A new group (e.g.
 * `dlq list|show|replay`) is one file in this folder and one line here.
 */
export type CommandGroup = (program: Command) => void;

export const COMMAND_GROUPS: readonly CommandGroup[] = [
  registerOfferCommands,
  registerRoleCommands,
  registerPromotionCommands,
  registerScreeningCommands,
  registerRateCardCommands,
];
