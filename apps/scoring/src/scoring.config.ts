import { ServiceConfig } from '@hiring/platform';

export class ScoringConfig extends ServiceConfig {
  override PORT = 3003;
}
