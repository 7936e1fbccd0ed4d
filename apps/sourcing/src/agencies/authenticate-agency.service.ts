import { Injectable } from '@nestjs/common';
import { hashApiKey } from './agency-credentials';
import { AgencyRepository } from './agency.repository';
import { ApiKeyCache } from './api-key-cache';

export interface AuthenticatedAgency {
  id: string;
  name: string;
  keyId: string;
}

/** Resolves an API key to its agency; undefined for unknown, malformed or revoked keys. */
@Injectable()
export class AuthenticateAgencyService {
  constructor(
    private readonly agencies: AgencyRepository,
    private readonly cache: ApiKeyCache,
  ) {}

  async execute(apiKey: string): Promise<AuthenticatedAgency | undefined> {
    // Lookup by hash: nothing about the stored keys leaks through timing.
    if (apiKey.length < 16 || apiKey.length > 256) return undefined;
    const hash = hashApiKey(apiKey);
    const cached = this.cache.get(hash);
    if (cached) return cached;
    const ticket = this.cache.ticket();
    const owner = await this.agencies.findActiveKeyOwner(hash);
    if (!owner) return undefined;
    const agency = { id: owner.agencyId, name: owner.agencyName, keyId: owner.keyId };
    this.cache.remember(hash, agency, ticket);
    return agency;
  }
}
