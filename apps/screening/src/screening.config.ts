import { ServiceConfig } from '@hiring/platform';

export class ScreeningConfig extends ServiceConfig {
  override PORT = 3002;
}
