import { ServiceConfig } from '@hiring/platform';

export class OfferConfig extends ServiceConfig {
  override PORT = 3004;
}
