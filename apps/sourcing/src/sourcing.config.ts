import { DiffersFrom, LOCAL_DEV_MASTER_KEYS, LOCAL_KEY_SERVICE_TOKEN, ServiceConfig } from '@hiring/platform';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsString, Matches, Max, Min, MinLength, ValidateIf } from 'class-validator';

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

  /**
   * The status write-back's consumer (Kafka group `<group>.progress`): after a
   * fetch that brought more than one status event, its next fetch waits until
   * this many ms after that one, so at a steady rate one transaction carries
   * the screened, scored and decided events of several candidates instead of
   * one wake-up each; a status event that comes alone is written at once
   * (libs/messaging fetch-linger.ts). 0: fetch again at once.
   */
  @Type(() => Number) @IsInt() @Min(0) @Max(1000)
  STATUS_WRITE_BACK_LINGER_MS = 25;

  /** Requests per minute per agency API key on agency routes. */
  @Type(() => Number) @IsInt() @Min(1) @Max(100000)
  AGENCY_RATE_LIMIT_PER_MINUTE = 600;

  /**
   * How long an API key found active is remembered (no lookup per request).
   * A revocation or rotation applies at once on every instance (the change
   * is NOTIFYed); this bounds it only when that notification is lost with
   * its connection. 0 looks every key up.
   */
  @Type(() => Number) @IsInt() @Min(0) @Max(60_000)
  API_KEY_CACHE_TTL_MS = 10_000;

  /**
   * Master keys that wrap the per-candidate data keys: `id:base64(32 bytes)`,
   * comma-separated; the first wraps new keys, the others only unwrap
   * (rotation: docs/sourcing.md). The default is for a laptop only.
   */
  @Matches(/^[A-Za-z0-9._-]{1,64}:[A-Za-z0-9+/]{43}=(,[A-Za-z0-9._-]{1,64}:[A-Za-z0-9+/]{43}=)*$/, {
    message: 'PERSONAL_DATA_MASTER_KEYS must be id:base64-of-32-bytes[,id:base64...]',
  })
  PERSONAL_DATA_MASTER_KEYS = LOCAL_DEV_MASTER_KEYS;

  /**
   * The credential of the key lookup (POST /v1/ops/candidate-keys/lookup), the
   * one route that hands out data keys: held by the services that open sealed
   * events (screening), and by nothing else. It opens no other route, and the
   * ops token does not open this one, so it must differ from OPS_TOKEN. The
   * default is for a laptop only (screening has the same default).
   */
  @IsString() @MinLength(16) @DiffersFrom('OPS_TOKEN')
  KEY_SERVICE_TOKEN = LOCAL_KEY_SERVICE_TOKEN;

  /**
   * Key of the blind index that duplicate detection looks people up by
   * (HMAC of the normalised email, phone, profile URL): base64 of 32 bytes.
   * Changing it orphans every stored index (docs/sourcing.md). The default is for a laptop only.
   */
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'PERSONAL_DATA_INDEX_KEY must be the base64 of 32 bytes' })
  PERSONAL_DATA_INDEX_KEY = 'bG9jYWwtZGV2LW9ubHktaW5kZXgta2V5LTMyYnl0ZXM=';

  /**
   * How often the submissions topic is purged up to what sourcing has
   * consumed (its content is in clear; docs/sourcing.md). 0 turns the
   * periodic purge off (an erasure still purges).
   */
  @Type(() => Number) @IsInt() @Min(0) @Max(86_400_000)
  SUBMISSIONS_PURGE_INTERVAL_MS = 60_000;

  /**
   * Single POST /v1/submissions that arrive while a write of single
   * submissions is in flight are written together when it finishes, at most
   * this many in one intake chunk (docs/sourcing.md). 0 writes each alone.
   */
  @Type(() => Number) @IsInt() @Min(0) @Max(500)
  SINGLE_SUBMISSION_GROUP_MAX_ITEMS = 100;

  /** How long an erasure waits for sourcing to consume what the intake topics hold before purging them. */
  @Type(() => Number) @IsInt() @Min(0) @Max(120_000)
  ERASURE_PURGE_WAIT_MS = 10_000;

  /**
   * Let agencies register webhook URLs on loopback and private addresses.
   * Off by default: a webhook URL makes our servers send requests where the
   * agency chooses, and private addresses would reach our own network (SSRF).
   * On only for tests and a laptop.
   */
  @IsIn(['true', 'false'])
  WEBHOOK_ALLOW_PRIVATE_ADDRESSES = 'false';

  /** Run the webhook dispatcher in this instance (any number of instances may). */
  @IsIn(['true', 'false'])
  WEBHOOK_DISPATCHER_ENABLED = 'true';

  /** Pause between dispatcher polls when nothing was due. */
  @Type(() => Number) @IsInt() @Min(10) @Max(60_000)
  WEBHOOK_POLL_INTERVAL_MS = 1000;

  /** Deliveries claimed (and sent in parallel) per dispatcher round. */
  @Type(() => Number) @IsInt() @Min(1) @Max(1000)
  WEBHOOK_BATCH_SIZE = 50;

  /** One delivery attempt gives up after this long (counted as a timeout, retried). */
  @Type(() => Number) @IsInt() @Min(100) @Max(60_000)
  WEBHOOK_TIMEOUT_MS = 10_000;

  /** First retry after about this long, doubling per attempt (with jitter). */
  @Type(() => Number) @IsInt() @Min(10) @Max(3_600_000)
  WEBHOOK_BACKOFF_BASE_MS = 30_000;

  /** Longest wait between two attempts (a Retry-After too). */
  @Type(() => Number) @IsInt() @Min(10) @Max(86_400_000)
  WEBHOOK_BACKOFF_MAX_MS = 3_600_000;

  /** A failing delivery is retried for this long after its first attempt, then marked failed (redeliverable). */
  @Type(() => Number) @IsInt() @Min(1000) @Max(7 * 86_400_000)
  WEBHOOK_RETRY_WINDOW_MS = 86_400_000;

  /** Consecutive failed attempts after which an endpoint is disabled (ops re-enable it). */
  @Type(() => Number) @IsInt() @Min(1) @Max(10_000)
  WEBHOOK_DISABLE_AFTER_FAILURES = 20;

  /** How long the old secret still signs after a rotation, unless the rotation says otherwise. */
  @Type(() => Number) @IsInt() @Min(0) @Max(7 * 86_400)
  WEBHOOK_SECRET_GRACE_SECONDS = 86_400;

  /** Delivery attempts (and finished deliveries) older than this are purged. */
  @Type(() => Number) @IsInt() @Min(1) @Max(3650)
  WEBHOOK_LOG_RETENTION_DAYS = 30;
}
