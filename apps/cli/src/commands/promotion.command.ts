import type { Command } from 'commander';
import { advisePromotion, type PromotionInput } from '@hiring/domain';
import { lazyValidator, readJsonInput } from '../io/read-json-input';
import { type OutputOptions, runAction } from '../io/run-action';

export const promotionInputSchema = {
  $id: 'https://schemas.hiring.local/cli/promotion.input.json',
  type: 'object',
  additionalProperties: false,
  required: ['explicitInterest', 'softSkillsDemonstrated'],
  properties: {
    explicitInterest: { type: 'boolean' },
    softSkillsDemonstrated: { type: 'boolean' },
  },
} as const;

const validatePromotion = lazyValidator<PromotionInput>(promotionInputSchema);

export function registerPromotionCommands(program: Command): void {
  const promotion = program.command('promotion').description('promote an internal engineer to lead? (hiring-rules.md section 4)');
  promotion
    .command('advise')
    .description('recommend a leadership trial or an external hire')
    .argument('[file]', 'promotion facts JSON file; stdin when absent or "-"')
    .option('--json', 'print the advice as JSON')
    .action((file: string | undefined, options: OutputOptions) =>
      runAction('promotion advise', options, async () => {
        const input = await readJsonInput(file, validatePromotion, 'promotion facts');
        const advice = advisePromotion(input);
        const headline =
          advice.recommendation === 'trial'
            ? `TRIAL: structured leadership trial of ${advice.trialMonths[0]}-${advice.trialMonths[1]} months`
            : 'HIRE EXTERNALLY: keep the engineer building';
        const summary = [`${headline} (promotion rules ${advice.rulesVersion})`, ...advice.reasons.map((r) => `  - ${r}`)].join('\n');
        return { json: advice, summary };
      }),
    );
}
