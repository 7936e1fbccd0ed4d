import { Module } from '@nestjs/common';
import { AgenciesModule } from '../agencies/agencies.module';
import { SharedModule } from '../shared/shared.module';
import { SourcingConfig } from '../sourcing.config';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { CandidateKeyRepository } from './candidate-key.repository';
import { CandidateKeysController } from './candidate-keys.controller';
import { IdentifierIndex } from './identifier-index';
import { IntakePurger } from './intake-purge.reader';
import { MasterKeyUsageRepository } from './master-key-usage.repository';
import { MasterKeysController } from './master-keys.controller';
import { RewrapMasterKeysService } from './rewrap-master-keys.service';

/** Per-candidate data keys (the key lookup other services use), the blind identifier index, master key rotation, the intake topics' purge. */
@Module({
  imports: [SharedModule, WebhooksModule, AgenciesModule],
  controllers: [CandidateKeysController, MasterKeysController],
  providers: [
    { provide: IdentifierIndex, inject: [SourcingConfig], useFactory: (config: SourcingConfig) => new IdentifierIndex(config.PERSONAL_DATA_INDEX_KEY) },
    CandidateKeyRepository,
    MasterKeyUsageRepository,
    RewrapMasterKeysService,
    IntakePurger,
  ],
  exports: [CandidateKeyRepository, IdentifierIndex, IntakePurger],
})
export class PersonalDataModule {}
