import type { Command } from 'commander';
import { registerDlqCommands } from './dlq.command';
import { registerErasureCommands } from './erasures.command';
import { registerFeedbackCommands } from './feedback.command';
import { registerKeyCommands } from './keys.command';
import { registerOfferCommands } from './offer.command';
import { registerOutboxCommands } from './outbox.command';
import { registerPromotionCommands } from './promotion.command';
import { registerRateCardCommands } from './rate-cards.command';
import { registerRoleCommands } from './role.command';
import { registerRescreenCommands } from './rescreen.command';
import { registerScreeningCommands } from './screening.command';
import { registerStatusCommands } from './status.command';
import { registerTailCommands } from './tail.command';
import { registerWebhookCommands } from './webhooks.command';

/**
 * Every command group registers itself on the program. A new group is one
 * file in this folder and one line here.
 */
export type CommandGroup = (program: Command) => void;

export const COMMAND_GROUPS: readonly CommandGroup[] = [
  registerOfferCommands,
  registerRoleCommands,
  registerPromotionCommands,
  registerScreeningCommands,
  registerRateCardCommands,
  registerDlqCommands,
  registerOutboxCommands,
  registerRescreenCommands,
  registerFeedbackCommands,
  registerStatusCommands,
  registerTailCommands,
  registerWebhookCommands,
  registerKeyCommands,
  registerErasureCommands,
];
