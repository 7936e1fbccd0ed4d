import { DiffersFrom, LOCAL_KEY_SERVICE_TOKEN, ServiceConfig } from '@hiring/platform';
import { Type } from 'class-transformer';
import { IsInt, IsString, Matches, Max, Min, MinLength } from 'class-validator';

export class ScreeningConfig extends ServiceConfig {
  override PORT = 3002;

  /** Stored candidates re-screened per transaction by POST /v1/rescreen. */
  @Type(() => Number) @IsInt() @Min(1) @Max(5000)
  RESCREEN_PAGE_SIZE = 200;

  /** Sourcing's base URL: the key store that opens sealed profiles (POST /v1/ops/candidate-keys/lookup). */
  @Matches(/^https?:\/\/[^\s/]+(:\d+)?$/, { message: 'SOURCING_URL must be http(s)://host[:port]' })
  SOURCING_URL = 'http://127.0.0.1:3001';

  /** Screening's credential at sourcing's key lookup (the same value as sourcing's KEY_SERVICE_TOKEN; never the ops token). The default is for a laptop only. */
  @IsString() @MinLength(16) @DiffersFrom('OPS_TOKEN')
  KEY_SERVICE_TOKEN = LOCAL_KEY_SERVICE_TOKEN;
}
