import { ServiceConfig } from '@hiring/platform';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsString, Max, Min } from 'class-validator';

export class ScoringConfig extends ServiceConfig {
  override PORT = 3003;

  /** Kafka consumer group of candidate-screened / candidate-erased. Tests use a unique one per run. */
  @IsString() @IsNotEmpty()
  CONSUMER_GROUP = 'scoring';

  /** Partitions processed in parallel by one instance (each partition stays in offset order). */
  @Type(() => Number) @IsInt() @Min(1) @Max(64)
  CONSUMER_CONCURRENCY = 3;

  /** Events per consumer transaction. */
  @Type(() => Number) @IsInt() @Min(1) @Max(5000)
  CONSUMER_MAX_CHUNK = 500;

  /** Where a consumer group without committed offsets starts. */
  @IsIn(['true', 'false'])
  CONSUMER_FROM_BEGINNING = 'true';

  /** How often pending erasure tombstones are looked for (they wait for earlier scored events of the key). */
  @Type(() => Number) @IsInt() @Min(50) @Max(60000)
  TOMBSTONE_POLL_MS = 500;
}
