import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { SourcingException, SourcingExceptionCode } from '../shared/sourcing.exception';
import { generateApiKey, generateSigningSecret } from './agency-credentials';
import { toAgencyResponse, toIssuedApiKeyResponse } from './agency.mapper';
import type { CreateAgencyDto, CreatedAgencyResponse } from './agency.dto';
import { AgencyRepository } from './agency.repository';

/** A new agency with its first API key and Kafka signing secret, both shown once. */
@Injectable()
export class CreateAgencyService {
  constructor(private readonly agencies: AgencyRepository) {}

  async execute(input: CreateAgencyDto): Promise<CreatedAgencyResponse> {
    const apiKey = generateApiKey();
    const signingSecret = generateSigningSecret();
    const created = await this.agencies.create(
      { id: randomUUID(), name: input.name.trim(), signingSecret },
      { id: randomUUID(), hash: apiKey.hash, prefix: apiKey.prefix },
    );
    if (!created) throw new SourcingException(SourcingExceptionCode.AGENCY_NAME_TAKEN, `An agency named "${input.name.trim()}" already exists.`);
    return { agency: toAgencyResponse(created.agency), apiKey: toIssuedApiKeyResponse(created.key, apiKey.key), signingSecret };
  }
}
