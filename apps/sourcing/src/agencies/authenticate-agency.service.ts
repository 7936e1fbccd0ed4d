import { Injectable } from '@nestjs/common';
import { hashApiKey } from './agency-credentials';
import { AgencyRepository } from './agency.repository';

export interface AuthenticatedAgency {
  id: string;
  name: string;
  keyId: string;
}

/** Resolves an API key to its agency; undefined for unknown, malformed or revoked keys. */
@Injectable()
export class AuthenticateAgencyService {
  constructor(private readonly agencies: AgencyRepository) {}

  async execute(apiKey: string): Promise<AuthenticatedAgency | undefined> {
    // Lookup by hash: nothing about the stored keys leaks through timing.
    if (apiKey.length < 16 || apiKey.length > 256) return undefined;
    const owner = await this.agencies.findActiveKeyOwner(hashApiKey(apiKey));
    return owner ? { id: owner.agencyId, name: owner.agencyName, keyId: owner.keyId } : undefined;
  }
}
