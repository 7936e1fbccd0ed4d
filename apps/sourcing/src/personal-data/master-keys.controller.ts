// Master key rotation for ops: where the stored keys stand, and the re-wrap
// (one batch per call; `hiring keys rewrap` calls it until nothing is left).
import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { OpsTokenGuard } from '@hiring/platform';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { RewrapMasterKeysService, type MasterKeyStatus, type RewrapOutcome } from './rewrap-master-keys.service';

export const MAX_REWRAP_BATCH = 5000;

export class RewrapBatchDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_REWRAP_BATCH, default: 1000, description: 'Data keys (and as many webhook endpoints and agencies) re-wrapped in this call, one transaction' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_REWRAP_BATCH)
  limit?: number;
}

class WrappedCountsResponse {
  @ApiProperty() dataKeys!: number;
  @ApiProperty() webhookSecrets!: number;
  @ApiProperty({ description: "Agencies' Kafka signing secrets" }) signingSecrets!: number;
}

export class MasterKeyStatusResponse {
  @ApiProperty({ description: 'The master key that wraps new keys (first in PERSONAL_DATA_MASTER_KEYS)' }) currentKeyId!: string;
  @ApiProperty({ type: [String] }) configuredKeyIds!: string[];
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) dataKeysByKeyId!: Record<string, number>;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) webhookSecretsByKeyId!: Record<string, number>;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) signingSecretsByKeyId!: Record<string, number>;
  @ApiProperty({ type: WrappedCountsResponse, description: 'Still wrapped by an older key; all 0: the older keys can be dropped' }) remaining!: WrappedCountsResponse;
}

export class RewrapBatchResponse extends MasterKeyStatusResponse {
  @ApiProperty({ type: WrappedCountsResponse, description: 'Moved onto the current key by this call' }) rewrapped!: WrappedCountsResponse;
}

@ApiTags('personal data (ops)')
@ApiBearerAuth()
@UseGuards(OpsTokenGuard)
@Controller('v1/ops/master-keys')
export class MasterKeysController {
  constructor(private readonly rewrap: RewrapMasterKeysService) {}

  @Get()
  @ApiOperation({ summary: 'How many data keys, webhook secrets and agency signing secrets each master key wraps' })
  @ApiOkResponse({ type: MasterKeyStatusResponse })
  status(): Promise<MasterKeyStatus> {
    return this.rewrap.status();
  }

  @Post('rewrap')
  @HttpCode(200)
  @ApiOperation({ summary: 'Re-wrap one batch of data keys, webhook secrets and agency signing secrets under the current master key (409 master-key-missing when a stored value names a key that is not configured)' })
  @ApiOkResponse({ type: RewrapBatchResponse })
  rewrapBatch(@Body() body: RewrapBatchDto): Promise<RewrapOutcome> {
    return this.rewrap.rewrapBatch(body.limit ?? 1000);
  }
}
