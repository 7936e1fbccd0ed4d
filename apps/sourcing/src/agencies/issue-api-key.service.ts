import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { SourcingException, SourcingExceptionCode } from '../shared/sourcing.exception';
import { generateApiKey } from './agency-credentials';
import type { IssuedApiKeyResponse } from './agency.dto';
import { toIssuedApiKeyResponse } from './agency.mapper';
import { AgencyRepository } from './agency.repository';

/** An additional key for an agency (overlap for zero-downtime rotation); existing keys stay valid. */
@Injectable()
export class IssueApiKeyService {
  constructor(private readonly agencies: AgencyRepository) {}

  async execute(agencyId: string): Promise<IssuedApiKeyResponse> {
    if (!(await this.agencies.findById(agencyId))) throw new SourcingException(SourcingExceptionCode.AGENCY_NOT_FOUND, `No agency ${agencyId}.`);
    const apiKey = generateApiKey();
    const saved = await this.agencies.insertKey(agencyId, { id: randomUUID(), hash: apiKey.hash, prefix: apiKey.prefix });
    return toIssuedApiKeyResponse(saved, apiKey.key);
  }
}
