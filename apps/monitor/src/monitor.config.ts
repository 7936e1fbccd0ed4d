import { Type } from 'class-transformer';
import { IsInt, Matches, Max, Min } from 'class-validator';
import { ServiceConfig } from '@hiring/platform';

/** The monitor's own knobs on top of the platform's variables (see docs/monitor.md). */
export class MonitorConfig extends ServiceConfig {
  override PORT = 3005;

  /** How long DLQ depths and consumer lags read from the broker are reused (the page must not hammer Kafka). */
  @Type(() => Number) @IsInt() @Min(500) @Max(300_000)
  MONITOR_BROKER_CACHE_MS = 5000;

  /**
   * How long the broker may hold the monitor's fetch to gather more events
   * (up to 1 MiB): bigger batches, fewer writes. On a quiet pipeline it is how
   * far the read model lags behind the events (plus one write); under load
   * the bytes arrive first. The pipeline's own consumers answer at once.
   */
  @Type(() => Number) @IsInt() @Min(0) @Max(5000)
  MONITOR_FETCH_WAIT_MS = 500;

  /** How often the live page's stream checks for a new snapshot (sent only when it changed). */
  @Type(() => Number) @IsInt() @Min(250) @Max(60_000)
  MONITOR_STREAM_INTERVAL_MS = 2000;

  /** Service level for time from a requisition's first submission to an agency's first qualified candidate (hiring-rules §6: best agencies 3 days). */
  @Type(() => Number) @IsInt() @Min(1) @Max(365)
  MONITOR_FIRST_QUALIFIED_TARGET_DAYS = 3;

  /** Sourcing's HTTP API: agency names and requisitions (title, role, location, opening) for the page; read with OPS_TOKEN. */
  @Matches(/^https?:\/\/[^\s/]+(\/.*)?$/, { message: 'SOURCING_URL must be an http(s) URL' })
  SOURCING_URL = `http://127.0.0.1:${process.env['SOURCING_PORT'] ?? '3001'}`;

  /** How long agency names and requisitions read from sourcing are reused. */
  @Type(() => Number) @IsInt() @Min(1000) @Max(3_600_000)
  MONITOR_DIRECTORY_CACHE_MS = 30_000;

  /** Lifetime of the page's session cookie. */
  @Type(() => Number) @IsInt() @Min(1) @Max(24 * 30)
  MONITOR_SESSION_TTL_HOURS = 12;
}
