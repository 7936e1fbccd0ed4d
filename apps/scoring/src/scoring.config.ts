import { ServiceConfig } from '@hiring/platform';

/** Scoring needs nothing beyond the platform's variables (consumer knobs included: KAFKA_CONSUMER_*). */
export class ScoringConfig extends ServiceConfig {
  override PORT = 3003;
}
