import { ServiceConfig } from '@hiring/platform';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsString, Max, Min } from 'class-validator';

export class ScreeningConfig extends ServiceConfig {
  override PORT = 3002;

  /** Kafka consumer group of candidate-sourced / candidate-erased. Tests use a unique one per run. */
  @IsString() @IsNotEmpty()
  CONSUMER_GROUP = 'screening';

  /** Partitions processed in parallel by one instance (each partition stays in offset order). */
  @Type(() => Number) @IsInt() @Min(1) @Max(64)
  CONSUMER_CONCURRENCY = 3;

  /** Events per consumer transaction. */
  @Type(() => Number) @IsInt() @Min(1) @Max(5000)
  CONSUMER_MAX_CHUNK = 500;

  /** Where a consumer group without committed offsets starts. */
  @IsIn(['true', 'false'])
  CONSUMER_FROM_BEGINNING = 'true';

  /** Stored candidates re-screened per transaction by POST /v1/rescreen. */
  @Type(() => Number) @IsInt() @Min(1) @Max(5000)
  RESCREEN_PAGE_SIZE = 200;
}
