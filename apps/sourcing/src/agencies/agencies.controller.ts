import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OpsTokenGuard } from '@hiring/platform';
import { AgencyResponse, CreateAgencyDto, CreatedAgencyResponse, IssuedApiKeyResponse, SigningSecretResponse } from './agency.dto';
import { CreateAgencyService } from './create-agency.service';
import { FindAgenciesService } from './find-agencies.service';
import { IssueApiKeyService } from './issue-api-key.service';
import { RevokeApiKeyService } from './revoke-api-key.service';
import { RotateApiKeyService } from './rotate-api-key.service';
import { RotateSigningSecretService } from './rotate-signing-secret.service';

@ApiTags('agencies (ops)')
@ApiBearerAuth()
@UseGuards(OpsTokenGuard)
@Controller('v1/agencies')
export class AgenciesController {
  constructor(
    private readonly createAgency: CreateAgencyService,
    private readonly findAgencies: FindAgenciesService,
    private readonly issueApiKey: IssueApiKeyService,
    private readonly rotateApiKey: RotateApiKeyService,
    private readonly revokeApiKey: RevokeApiKeyService,
    private readonly rotateSigningSecret: RotateSigningSecretService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create an agency with its first API key and Kafka signing secret (both shown once)' })
  @ApiCreatedResponse({ type: CreatedAgencyResponse })
  create(@Body() dto: CreateAgencyDto): Promise<CreatedAgencyResponse> {
    return this.createAgency.execute(dto);
  }

  @Get()
  @ApiOkResponse({ type: [AgencyResponse] })
  list(): Promise<AgencyResponse[]> {
    return this.findAgencies.list();
  }

  @Get(':agencyId')
  @ApiOkResponse({ type: AgencyResponse, description: 'The agency and its keys (prefix and status only)' })
  get(@Param('agencyId', ParseUUIDPipe) agencyId: string): Promise<AgencyResponse> {
    return this.findAgencies.get(agencyId);
  }

  @Post(':agencyId/api-keys')
  @ApiOperation({ summary: 'Issue an additional API key (existing keys stay valid: overlap for a rollout)' })
  @ApiCreatedResponse({ type: IssuedApiKeyResponse })
  issue(@Param('agencyId', ParseUUIDPipe) agencyId: string): Promise<IssuedApiKeyResponse> {
    return this.issueApiKey.execute(agencyId);
  }

  @Post(':agencyId/api-keys/rotate')
  @ApiOperation({ summary: 'Rotate: issue a new API key and revoke every other key of the agency' })
  @ApiCreatedResponse({ type: IssuedApiKeyResponse })
  rotate(@Param('agencyId', ParseUUIDPipe) agencyId: string): Promise<IssuedApiKeyResponse> {
    return this.rotateApiKey.execute(agencyId);
  }

  @Delete(':agencyId/api-keys/:keyId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke one API key' })
  @ApiNoContentResponse()
  revoke(@Param('agencyId', ParseUUIDPipe) agencyId: string, @Param('keyId', ParseUUIDPipe) keyId: string): Promise<void> {
    return this.revokeApiKey.execute(agencyId, keyId);
  }

  @Post(':agencyId/signing-secret/rotate')
  @ApiOperation({ summary: 'Replace the Kafka signing secret (shown once)' })
  @ApiCreatedResponse({ type: SigningSecretResponse })
  rotateSecret(@Param('agencyId', ParseUUIDPipe) agencyId: string): Promise<SigningSecretResponse> {
    return this.rotateSigningSecret.execute(agencyId);
  }
}
