import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '@hiring/domain';

/** A secret the agency chooses: long enough to resist guessing, printable so it survives a shell and a config file. */
const SECRET_PATTERN = /^[\x21-\x7e]{32,256}$/;

export class CreateWebhookEndpointDto {
  @ApiProperty({ example: 'https://hooks.northwind.example/hiring', description: 'https (or http) to a public address' })
  @IsString()
  @Length(8, 2048)
  url!: string;

  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true })
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @ArrayUnique()
  eventTypes!: WebhookEventType[];

  @ApiPropertyOptional({ description: 'Your own secret (32-256 printable ASCII characters); omitted, we generate one and show it once' })
  @IsOptional()
  @Matches(SECRET_PATTERN, { message: 'secret must be 32 to 256 printable ASCII characters' })
  secret?: string;
}

export class RotateWebhookSecretDto {
  @ApiPropertyOptional({ description: 'The new secret; omitted, we generate one and show it once' })
  @IsOptional()
  @Matches(SECRET_PATTERN, { message: 'secret must be 32 to 256 printable ASCII characters' })
  secret?: string;

  @ApiPropertyOptional({ description: 'How long the old secret keeps signing (seconds, 0..604800); default WEBHOOK_SECRET_GRACE_SECONDS' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(604_800)
  graceSeconds?: number;
}

export class WebhookEndpointResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) agencyId!: string;
  @ApiProperty() url!: string;
  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true }) eventTypes!: string[];
  @ApiProperty({ enum: ['active', 'disabled'] }) status!: string;
  @ApiProperty() consecutiveFailures!: number;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) disabledAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) disabledReason!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'Until when the previous secret still signs (after a rotation)' })
  previousSecretValidUntil!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class WebhookEndpointWithSecretResponse {
  @ApiProperty({ type: WebhookEndpointResponse }) endpoint!: WebhookEndpointResponse;
  @ApiProperty({ description: 'The signing secret, shown only in this response (when we generated it; omitted when you gave it)', required: false })
  secret?: string;
}

export class DeliveriesQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() endpointId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() eventId?: string;
  @ApiPropertyOptional({ description: 'Opaque cursor from nextCursor' }) @IsOptional() @IsString() @Matches(/^[A-Za-z0-9_-]{1,64}$/) cursor?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
}

export class OpsDeliveriesQueryDto extends DeliveriesQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() agencyId?: string;
}

export class DeliveryAttemptResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'uuid', description: 'The Hiring-Event-Id the receiver saw' }) eventId!: string;
  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES }) eventType!: string;
  @ApiProperty({ format: 'uuid' }) endpointId!: string;
  @ApiProperty({ format: 'uuid' }) agencyId!: string;
  @ApiProperty() attempt!: number;
  @ApiProperty({ format: 'date-time' }) attemptedAt!: string;
  @ApiProperty({ nullable: true, type: Number }) statusCode!: number | null;
  @ApiProperty() latencyMs!: number;
  @ApiProperty({ enum: ['delivered', 'retry', 'refused', 'expired'] }) outcome!: string;
  @ApiProperty({ nullable: true, type: String }) error!: string | null;
  @ApiProperty({ enum: ['pending', 'delivered', 'failed', 'cancelled'] }) deliveryStatus!: string;
}

export class DeliveriesPageResponse {
  @ApiProperty({ type: [DeliveryAttemptResponse] }) items!: DeliveryAttemptResponse[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as cursor for the next (older) page; null at the end' }) nextCursor!: string | null;
}

export class RedeliverDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'One event (its Hiring-Event-Id)' }) @IsOptional() @IsUUID() eventId?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Events created at or after' }) @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Events created before' }) @IsOptional() @IsISO8601({ strict: true }) to?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() endpointId?: string;
}

export class OpsRedeliverDto extends RedeliverDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only this agency' }) @IsOptional() @IsUUID() agencyId?: string;
}

export class OpsCreateWebhookEndpointDto extends CreateWebhookEndpointDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() agencyId!: string;
}

export class RedeliverResponse {
  @ApiProperty({ description: 'Deliveries queued again' }) queued!: number;
}
