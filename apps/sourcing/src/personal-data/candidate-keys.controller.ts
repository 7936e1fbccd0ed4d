// How the other services obtain data keys: one request per consumed batch
// (up to 1000 candidates), never one per event. A candidate in `erased` has no
// key any more; a consumer treats its events as erased, not as errors. The
// route takes KEY_SERVICE_TOKEN, not the ops token (key-service-token.guard.ts).
import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { CheckedPlainlyBy } from '@hiring/platform';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsUUID, isUUID } from 'class-validator';
import { CandidateKeyRepository } from './candidate-key.repository';
import { KeyServiceTokenGuard } from './key-service-token.guard';

export const MAX_KEY_LOOKUP = 1000;

/**
 * The lookup's usual body, checked without class-transformer and
 * class-validator's metadata walk: when batches are of one (a quiet
 * pipeline, a fixed rate), screening sends one lookup per candidate. Stricter
 * than the DTO, never looser (candidate-keys.controller.spec.ts); anything
 * else goes the validation pipe's own way.
 */
export function plainKeyLookup(body: Record<string, unknown>): CandidateKeyLookupDto | undefined {
  const keys = Object.keys(body);
  const ids = body['candidateIds'];
  if (keys.length !== 1 || !Array.isArray(ids) || ids.length < 1 || ids.length > MAX_KEY_LOOKUP) return undefined;
  for (const id of ids) if (!isUUID(id, 'all')) return undefined;
  return { candidateIds: ids as string[] };
}

@CheckedPlainlyBy(plainKeyLookup)
export class CandidateKeyLookupDto {
  @ApiProperty({ type: [String], format: 'uuid', maxItems: MAX_KEY_LOOKUP })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_KEY_LOOKUP)
  @IsUUID('all', { each: true })
  candidateIds!: string[];
}

export class CandidateDataKey {
  @ApiProperty({ format: 'uuid' }) candidateId!: string;
  @ApiProperty({ description: 'AES-256 data key, base64' }) dataKey!: string;
}

export class CandidateKeyLookupResponse {
  @ApiProperty({ type: [CandidateDataKey] }) keys!: CandidateDataKey[];
  @ApiProperty({ type: [String], description: 'Erased candidates: their key was destroyed' }) erased!: string[];
  @ApiProperty({ type: [String], description: 'Neither a key nor an erasure' }) unknown!: string[];
}

@ApiTags('personal data (services)')
@ApiBearerAuth()
@UseGuards(KeyServiceTokenGuard)
@Controller('v1/ops/candidate-keys')
export class CandidateKeysController {
  constructor(private readonly keys: CandidateKeyRepository) {}

  @Post('lookup')
  @HttpCode(200)
  @ApiOperation({ summary: 'Data keys of up to 1000 candidates in one call (for consumers of sealed events)' })
  @ApiOkResponse({ type: CandidateKeyLookupResponse })
  async lookup(@Body() body: CandidateKeyLookupDto): Promise<CandidateKeyLookupResponse> {
    const found = await this.keys.lookup(body.candidateIds);
    return {
      keys: [...found.keys].map(([candidateId, key]) => ({ candidateId, dataKey: key.toString('base64') })),
      erased: found.erased,
      unknown: found.unknown,
    };
  }
}
