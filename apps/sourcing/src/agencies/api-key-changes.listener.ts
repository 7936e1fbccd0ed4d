// Makes a revocation prompt on every instance of sourcing, not only the one
// that made it: the api_keys_changed trigger NOTIFYs at the commit of any
// statement that revokes or deletes keys, and every instance forgets the keys
// it remembered. The connection LISTENs in the background; after it is lost
// and re-established the cache is emptied too (notifications may have been
// missed meanwhile). While it is down, an entry still expires after
// API_KEY_CACHE_TTL_MS.
import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AgencyRepository } from './agency.repository';
import { ApiKeyCache } from './api-key-cache';

@Injectable()
export class ApiKeyChangesListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly listener: { start(): Promise<void>; stop(): Promise<void> };

  constructor(
    agencies: AgencyRepository,
    private readonly cache: ApiKeyCache,
  ) {
    this.listener = agencies.keyChangesListener(() => cache.forgetAll());
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.cache.enabled) await this.listener.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.listener.stop();
  }
}
