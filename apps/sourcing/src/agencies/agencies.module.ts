import { Module } from '@nestjs/common';
import { MasterKeyRing } from '@hiring/platform';
import { AgenciesController } from './agencies.controller';
import { AgencyKeyGuard } from './agency-key.guard';
import { AgencySigningSecrets } from './agency-signing-secrets';
import { AgencyThrottlerGuard } from './agency-throttler.guard';
import { AgencyRepository } from './agency.repository';
import { ApiKeyCache } from './api-key-cache';
import { ApiKeyChangesListener } from './api-key-changes.listener';
import { AuthenticateAgencyService } from './authenticate-agency.service';
import { CreateAgencyService } from './create-agency.service';
import { FindAgenciesService } from './find-agencies.service';
import { IssueApiKeyService } from './issue-api-key.service';
import { RevokeApiKeyService } from './revoke-api-key.service';
import { RotateApiKeyService } from './rotate-api-key.service';
import { RotateSigningSecretService } from './rotate-signing-secret.service';
import { SharedModule } from '../shared/shared.module';
import { SourcingConfig } from '../sourcing.config';

/** Keys remembered at most; past it the oldest entry goes. */
const API_KEY_CACHE_MAX_ENTRIES = 10_000;

/** Agencies and their keys; the agency key guard every agency route uses. */
@Module({
  imports: [SharedModule],
  controllers: [AgenciesController],
  providers: [
    AgencyRepository,
    { provide: AgencySigningSecrets, inject: [MasterKeyRing], useFactory: (ring: MasterKeyRing) => new AgencySigningSecrets(ring) },
    { provide: ApiKeyCache, inject: [SourcingConfig], useFactory: (config: SourcingConfig) => new ApiKeyCache(config.API_KEY_CACHE_TTL_MS, API_KEY_CACHE_MAX_ENTRIES) },
    ApiKeyChangesListener,
    AuthenticateAgencyService,
    AgencyKeyGuard,
    AgencyThrottlerGuard,
    CreateAgencyService,
    FindAgenciesService,
    IssueApiKeyService,
    RotateApiKeyService,
    RevokeApiKeyService,
    RotateSigningSecretService,
  ],
  exports: [AgencyRepository, AgencySigningSecrets, AuthenticateAgencyService, AgencyKeyGuard, AgencyThrottlerGuard],
})
export class AgenciesModule {}
