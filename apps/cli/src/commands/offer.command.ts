import type { Command } from 'commander';
import { checkOffer, formatMoney, type Offer, type OfferDecision, RATE_CARDS, ROLE_LABEL } from '@hiring/domain';
import { lazyValidator, readJsonInput } from '../io/read-json-input';
import { type OutputOptions, runAction } from '../io/run-action';
import { offerCheckInputSchema } from './offer.input-schema';

const validateOffer = lazyValidator<Offer>(offerCheckInputSchema);

function summarize(offer: Offer, result: OfferDecision): string {
  const lines = [
    `${result.decision.toUpperCase()}: ${ROLE_LABEL[offer.role]} in ${offer.location}, offered ${formatMoney(offer.base)} (rate card ${result.rateCardVersion})`,
    `  floor ${formatMoney(result.floor)}${result.gap === null ? ', gap not computed (different currency)' : `, gap ${formatMoney({ amount: result.gap, currency: result.floor.currency })}`}`,
    ...result.reasons.map((r) => `  ${r.code}: ${r.message}`),
  ];
  if (result.override) lines.push(`  override recorded: approver ${result.override.approver}, reason: ${result.override.reason}`);
  return lines.join('\n');
}

export function registerOfferCommands(program: Command): void {
  const offer = program.command('offer').description('offers against market salary floors (hiring-rules.md section 5)');
  offer
    .command('check')
    .description('check an offer against the floor of the rate card in force on its proposal date')
    .argument('[file]', 'offer JSON file; stdin when absent or "-"')
    .option('--json', 'print the decision as JSON')
    .action((file: string | undefined, options: OutputOptions) =>
      runAction('offer check', options, async () => {
        const input = await readJsonInput(file, validateOffer, 'offer');
        const result = checkOffer(input, RATE_CARDS);
        return { json: result, summary: summarize(input, result) };
      }),
    );
}
