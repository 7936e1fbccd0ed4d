// `hiring feedback record <file>`: records an interview's feedback through the
// running screening service (POST /v1/interview-feedback), which seals the
// notes with the candidate's key, re-screens the candidate and answers with
// what it recorded. The file is checked here first so a typo fails fast; the
// service checks it again with the event contract.
import { FEEDBACK_OUTCOMES } from '@hiring/domain';
import type { Command } from 'commander';
import { opsRequest, SCREENING } from '../io/ops-request';
import { lazyValidator, readJsonInput } from '../io/read-json-input';
import { type CommandResult, type OutputOptions, runAction } from '../io/run-action';

const ID = { type: 'string', minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]*$' } as const;

export const feedbackInputSchema = {
  $id: 'https://schemas.hiring.local/cli/interview-feedback.input.json',
  type: 'object',
  additionalProperties: false,
  required: ['feedbackId', 'candidateId', 'interviewerId', 'interviewedAt', 'communicationRating', 'answers'],
  properties: {
    feedbackId: ID,
    candidateId: ID,
    interviewerId: ID,
    interviewedAt: { type: 'string', format: 'date-time' },
    communicationRating: { type: 'integer', minimum: 1, maximum: 5 },
    answers: {
      type: 'array',
      maxItems: 50,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['ruleId', 'outcome'],
        properties: { ruleId: ID, outcome: { enum: [...FEEDBACK_OUTCOMES] }, note: { type: 'string', minLength: 1, maxLength: 500 } },
      },
    },
  },
} as const;

interface FeedbackInput {
  feedbackId: string;
  candidateId: string;
  answers: unknown[];
}

interface RecordedFeedback {
  recorded: string[];
  duplicates: string[];
  rescreened: number;
}

const validateFeedback = lazyValidator<FeedbackInput>(feedbackInputSchema);

async function record(file: string | undefined): Promise<CommandResult> {
  const input = await readJsonInput(file, validateFeedback, 'interview feedback');
  const answer = await opsRequest<RecordedFeedback>(SCREENING, 'POST', '/v1/interview-feedback', input);
  const summary = `feedback ${input.feedbackId} recorded for candidate ${input.candidateId} (${input.answers.length} answer(s)); ${answer.rescreened === 1 ? 're-screened: a new candidate-screened revision is on its way' : 'the screening did not change'}`;
  return { json: answer, summary };
}

export function registerFeedbackCommands(program: Command): void {
  const feedback = program.command('feedback').description('interviewer feedback (recorded by the screening service)');
  feedback
    .command('record [file]')
    .description('record an interview\'s feedback from a JSON file (or stdin): per rule id confirmed / not-confirmed with a note, and the communication rating')
    .option('--json', 'print the answer as JSON')
    .action((file: string | undefined, options: OutputOptions) => runAction('feedback record', options, () => record(file)));
}
