import { Injectable } from '@nestjs/common';
import { SourcingException, SourcingExceptionCode } from '../shared/sourcing.exception';
import { AgencyRepository } from './agency.repository';

@Injectable()
export class RevokeApiKeyService {
  constructor(private readonly agencies: AgencyRepository) {}

  async execute(agencyId: string, keyId: string, now = new Date()): Promise<void> {
    if (!(await this.agencies.revokeKey(agencyId, keyId, now))) {
      throw new SourcingException(SourcingExceptionCode.API_KEY_NOT_FOUND, `Agency ${agencyId} has no API key ${keyId}.`);
    }
  }
}
