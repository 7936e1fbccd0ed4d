import { ServiceConfig } from '@hiring/platform';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

export class ScreeningConfig extends ServiceConfig {
  override PORT = 3002;

  /** Stored candidates re-screened per transaction by POST /v1/rescreen. */
  @Type(() => Number) @IsInt() @Min(1) @Max(5000)
  RESCREEN_PAGE_SIZE = 200;
}
