import type { Command } from 'commander';
import { ADVISOR_RULES_2026_03, adviseRole, ROLE_LABEL, type RequisitionSignals } from '@hiring/domain';
import { lazyValidator, readJsonInput } from '../io/read-json-input';
import { type OutputOptions, runAction } from '../io/run-action';

export const requisitionSignalsInputSchema = {
  $id: 'https://schemas.hiring.local/cli/requisition-signals.input.json',
  type: 'object',
  additionalProperties: false,
  required: [
    'mlTeamSize',
    'mlArchitectureOwned',
    'buildsProprietaryModels',
    'mlInProduction',
    'mlTechDebtGrowing',
    'productMlMisaligned',
    'aiFirstProduct',
    'partTimeMlLeadership',
  ],
  properties: {
    mlTeamSize: { type: 'integer', minimum: 0, maximum: 10_000 },
    mlArchitectureOwned: { type: 'boolean' },
    buildsProprietaryModels: { type: 'boolean' },
    mlInProduction: { type: 'boolean' },
    mlTechDebtGrowing: { type: 'boolean' },
    productMlMisaligned: { type: 'boolean' },
    aiFirstProduct: { type: 'boolean' },
    partTimeMlLeadership: { type: 'boolean' },
  },
} as const;

const validateSignals = lazyValidator<RequisitionSignals>(requisitionSignalsInputSchema);

export function registerRoleCommands(program: Command): void {
  const role = program.command('role').description('which lead a requisition needs (hiring-rules.md section 2)');
  role
    .command('advise')
    .description('advise AI Tech Lead or general Technical Lead from requisition signals')
    .argument('[file]', 'requisition signals JSON file; stdin when absent or "-"')
    .option('--json', 'print the advice as JSON')
    .action((file: string | undefined, options: OutputOptions) =>
      runAction('role advise', options, async () => {
        const input = await readJsonInput(file, validateSignals, 'requisition signals');
        const advice = adviseRole(input, ADVISOR_RULES_2026_03);
        const summary = [
          `${ROLE_LABEL[advice.role]} (advisor rules ${advice.rulesVersion})`,
          ...advice.signals.map((s) => `  [${s.met ? 'x' : ' '}] ${s.id}: ${s.reason}`),
          ...advice.reasons.map((r) => `  - ${r}`),
        ].join('\n');
        return { json: advice, summary };
      }),
    );
}
