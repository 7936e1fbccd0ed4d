import type { Command } from 'commander';
import { formatMoney, RATE_CARDS, ROLE_LABEL } from '@hiring/domain';
import { type OutputOptions, runAction } from '../io/run-action';

export function registerRateCardCommands(program: Command): void {
  const rateCards = program.command('rate-cards').description('market salary rate cards (versioned)');
  rateCards
    .command('list')
    .description('print every rate card version and its bands')
    .option('--json', 'print the rate cards as JSON')
    .action((options: OutputOptions) =>
      runAction('rate-cards list', options, () => {
        const summary = RATE_CARDS.flatMap((card) => [
          `rate card ${card.version}, effective from ${card.effectiveFrom} (${card.source})`,
          ...card.bands.map((band) => {
            const money = (amount: number) => formatMoney({ amount, currency: band.currency });
            const total =
              band.totalComp === null
                ? 'total comp not published'
                : `total comp ${money(band.totalComp.min)} – ${band.totalComp.max === null ? 'no cap' : money(band.totalComp.max)}`;
            return `  ${ROLE_LABEL[band.role].padEnd(14)} ${band.locationTier.padEnd(11)} base ${money(band.base.min)} – ${money(band.base.max)} (floor ${money(band.base.min)}), ${total}`;
          }),
        ]).join('\n');
        return Promise.resolve({ json: RATE_CARDS, summary });
      }),
    );
}
