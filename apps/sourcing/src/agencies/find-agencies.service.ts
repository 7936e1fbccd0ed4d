import { Injectable } from '@nestjs/common';
import { SourcingException, SourcingExceptionCode } from '../shared/sourcing.exception';
import type { AgencyResponse } from './agency.dto';
import { toAgencyResponse } from './agency.mapper';
import { AgencyRepository } from './agency.repository';

/** Read side for ops: agencies and their keys (prefixes and status only, never a key or secret). */
@Injectable()
export class FindAgenciesService {
  constructor(private readonly agencies: AgencyRepository) {}

  async list(): Promise<AgencyResponse[]> {
    return (await this.agencies.list()).map((a) => toAgencyResponse(a));
  }

  async get(agencyId: string): Promise<AgencyResponse> {
    const agency = await this.agencies.findById(agencyId);
    if (!agency) throw new SourcingException(SourcingExceptionCode.AGENCY_NOT_FOUND, `No agency ${agencyId}.`);
    return toAgencyResponse(agency, await this.agencies.listKeys(agencyId));
  }
}
