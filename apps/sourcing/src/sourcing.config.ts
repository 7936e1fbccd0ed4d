import { ServiceConfig } from '@hiring/platform';
import { Type } from 'class-transformer';
import { IsInt, Matches, Max, Min, ValidateIf } from 'class-validator';

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

  /**
   * Master keys that wrap the per-candidate data keys: `id:base64(32 bytes)`,
   * comma-separated; the first wraps new keys, the others only unwrap
   * (rotation: docs/sourcing.md). The default is for a laptop only.
   */
  @Matches(/^[A-Za-z0-9._-]{1,64}:[A-Za-z0-9+/]{43}=(,[A-Za-z0-9._-]{1,64}:[A-Za-z0-9+/]{43}=)*$/, {
    message: 'PERSONAL_DATA_MASTER_KEYS must be id:base64-of-32-bytes[,id:base64...]',
  })
  PERSONAL_DATA_MASTER_KEYS = 'local-dev:bG9jYWwtZGV2LW9ubHktbWFzdGVyLWtleS0zMi1ieXQ=';

  /**
   * Key of the blind index that duplicate detection looks people up by
   * (HMAC of the normalised email, phone, profile URL): base64 of 32 bytes.
   * Changing it orphans every stored index (docs/sourcing.md). The default is for a laptop only.
   */
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'PERSONAL_DATA_INDEX_KEY must be the base64 of 32 bytes' })
  PERSONAL_DATA_INDEX_KEY = 'bG9jYWwtZGV2LW9ubHktaW5kZXgta2V5LTMyYnl0ZXM=';
}
