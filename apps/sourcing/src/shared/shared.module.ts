import { Module } from '@nestjs/common';
import { MasterKeyRing } from '@hiring/platform';
import { SourcingConfig } from '../sourcing.config';
import { ListCursorCodec } from './list-cursor';

/** The master key ring and what is derived from it for every feature (list cursors). */
@Module({
  providers: [
    { provide: MasterKeyRing, inject: [SourcingConfig], useFactory: (config: SourcingConfig) => MasterKeyRing.parse(config.PERSONAL_DATA_MASTER_KEYS) },
    { provide: ListCursorCodec, inject: [MasterKeyRing], useFactory: (keys: MasterKeyRing) => new ListCursorCodec(keys.deriveKey('sourcing-list-cursor')) },
  ],
  exports: [MasterKeyRing, ListCursorCodec],
})
export class SharedModule {}
