import { CURRENCIES, LOCATION_TIERS, TARGET_ROLES } from '@hiring/domain';

/** Input of `hiring offer check`; enums come from the domain so they cannot drift. */
export const offerCheckInputSchema = {
  $id: 'https://schemas.hiring.local/cli/offer-check.input.json',
  type: 'object',
  additionalProperties: false,
  required: ['role', 'location', 'base', 'proposedOn'],
  properties: {
    role: { enum: [...TARGET_ROLES] },
    location: { enum: [...LOCATION_TIERS] },
    base: {
      type: 'object',
      additionalProperties: false,
      required: ['amount', 'currency'],
      properties: {
        amount: { type: 'number', minimum: 0, maximum: 100_000_000 },
        currency: { enum: [...CURRENCIES] },
      },
    },
    proposedOn: { type: 'string', format: 'date' },
    override: {
      type: 'object',
      additionalProperties: false,
      required: ['approver', 'reason'],
      properties: {
        approver: { type: 'string', minLength: 1, maxLength: 200 },
        reason: { type: 'string', minLength: 1, maxLength: 1000 },
      },
    },
  },
} as const;
