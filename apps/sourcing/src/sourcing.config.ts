import { ServiceConfig } from '@hiring/platform';

export class SourcingConfig extends ServiceConfig {
  override PORT = 3001;
}
