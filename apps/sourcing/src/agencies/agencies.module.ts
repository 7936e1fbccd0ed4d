import { Module } from '@nestjs/common';
import { AgenciesController } from './agencies.controller';
import { AgencyKeyGuard } from './agency-key.guard';
import { AgencyThrottlerGuard } from './agency-throttler.guard';
import { AgencyRepository } from './agency.repository';
import { AuthenticateAgencyService } from './authenticate-agency.service';
import { CreateAgencyService } from './create-agency.service';
import { FindAgenciesService } from './find-agencies.service';
import { IssueApiKeyService } from './issue-api-key.service';
import { RevokeApiKeyService } from './revoke-api-key.service';
import { RotateApiKeyService } from './rotate-api-key.service';
import { RotateSigningSecretService } from './rotate-signing-secret.service';

/** Agencies and their keys; the agency key guard every agency route uses. */
@Module({
  controllers: [AgenciesController],
  providers: [
    AgencyRepository,
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
  exports: [AgencyRepository, AuthenticateAgencyService, AgencyKeyGuard, AgencyThrottlerGuard],
})
export class AgenciesModule {}
