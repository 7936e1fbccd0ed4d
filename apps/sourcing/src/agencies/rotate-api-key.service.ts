import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { SourcingException, SourcingExceptionCode } from '../shared/sourcing.exception';
import { generateApiKey } from './agency-credentials';
import type { IssuedApiKeyResponse } from './agency.dto';
import { toIssuedApiKeyResponse } from './agency.mapper';
import { AgencyRepository } from './agency.repository';
import { ApiKeyCache } from './api-key-cache';

/** A new key for the agency; every key it had stops working in the same transaction. */
@Injectable()
export class RotateApiKeyService {
  constructor(
    private readonly agencies: AgencyRepository,
    private readonly keyCache: ApiKeyCache,
  ) {}

  async execute(agencyId: string, now = new Date()): Promise<IssuedApiKeyResponse> {
    if (!(await this.agencies.findById(agencyId))) throw new SourcingException(SourcingExceptionCode.AGENCY_NOT_FOUND, `No agency ${agencyId}.`);
    const apiKey = generateApiKey();
    const saved = await this.agencies.replaceKeys(agencyId, { id: randomUUID(), hash: apiKey.hash, prefix: apiKey.prefix }, now);
    // After the commit: the revoked keys stop working here at once (other instances: within API_KEY_CACHE_TTL_MS).
    this.keyCache.forgetAgency(agencyId);
    return toIssuedApiKeyResponse(saved, apiKey.key);
  }
}
