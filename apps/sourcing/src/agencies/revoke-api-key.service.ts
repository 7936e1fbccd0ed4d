import { Injectable } from '@nestjs/common';
import { SourcingException, SourcingExceptionCode } from '../shared/sourcing.exception';
import { AgencyRepository } from './agency.repository';
import { ApiKeyCache } from './api-key-cache';

@Injectable()
export class RevokeApiKeyService {
  constructor(
    private readonly agencies: AgencyRepository,
    private readonly keyCache: ApiKeyCache,
  ) {}

  async execute(agencyId: string, keyId: string, now = new Date()): Promise<void> {
    const revoked = await this.agencies.revokeKey(agencyId, keyId, now);
    // After the commit: a lookup that read the key as active before it is not remembered.
    this.keyCache.forgetAgency(agencyId);
    if (!revoked) {
      throw new SourcingException(SourcingExceptionCode.API_KEY_NOT_FOUND, `Agency ${agencyId} has no API key ${keyId}.`);
    }
  }
}
