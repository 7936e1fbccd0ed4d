import { ServiceConfig } from '@hiring/platform';
import { Type } from 'class-transformer';
import { IsInt, Matches, Max, Min } from 'class-validator';

export class ScreeningConfig extends ServiceConfig {
  override PORT = 3002;

  /** Stored candidates re-screened per transaction by POST /v1/rescreen. */
  @Type(() => Number) @IsInt() @Min(1) @Max(5000)
  RESCREEN_PAGE_SIZE = 200;

  /** Sourcing's base URL: the key store that opens sealed profiles (POST /v1/ops/candidate-keys/lookup, ops token). */
  @Matches(/^https?:\/\/[^\s/]+(:\d+)?$/, { message: 'SOURCING_URL must be http(s)://host[:port]' })
  SOURCING_URL = 'http://127.0.0.1:3001';
}
