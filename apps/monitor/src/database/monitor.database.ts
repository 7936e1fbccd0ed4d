import { messagingMigrations } from '@hiring/messaging';
import { CandidateStagesFillfactor1796325522033 } from './migrations/1796325522033-CandidateStagesFillfactor';
import { CreateMonitorSchema1764600000000 } from './migrations/1764600000000-CreateMonitorSchema';
import { NeedsInterviewDecision1764908000000 } from './migrations/1764908000000-NeedsInterviewDecision';
import { RefusedOfferIds1764600000001 } from './migrations/1764600000001-RefusedOfferIds';

export const MONITOR_SCHEMA = 'monitor';

/** The monitor owns the Postgres schema "monitor" (its read model, inbox and an unused outbox). */
export const MONITOR_DATABASE = {
  schema: MONITOR_SCHEMA,
  entities: [],
  migrations: [CreateMonitorSchema1764600000000, RefusedOfferIds1764600000001, NeedsInterviewDecision1764908000000, CandidateStagesFillfactor1796325522033, ...messagingMigrations(MONITOR_SCHEMA)],
};
