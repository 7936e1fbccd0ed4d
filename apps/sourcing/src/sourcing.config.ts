import { ServiceConfig } from '@hiring/platform';
import { Type } from 'class-transformer';
import { IsInt, Max, Min, ValidateIf } from 'class-validator';

export class SourcingConfig extends ServiceConfig {
  override PORT = 3001;

  /**
   * Ownership window in days, replacing the rules' default (6 calendar months,
   * OWNERSHIP_RULES_2026_03). Unset = the default.
   */
  @ValidateIf((_config: object, value: unknown) => value !== undefined && value !== '')
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3650)
  OWNERSHIP_WINDOW_DAYS: number | undefined = undefined;

  /** Requests per minute per agency API key on agency routes. */
  @Type(() => Number) @IsInt() @Min(1) @Max(100000)
  AGENCY_RATE_LIMIT_PER_MINUTE = 600;
}
