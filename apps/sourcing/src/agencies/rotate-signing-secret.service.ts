import { Injectable } from '@nestjs/common';
import { SourcingException, SourcingExceptionCode } from '../shared/sourcing.exception';
import { generateSigningSecret } from './agency-credentials';
import type { SigningSecretResponse } from './agency.dto';
import { AgencyRepository } from './agency.repository';

/** A new Kafka signing secret, shown once; submissions signed with the old one fail verification from now on. */
@Injectable()
export class RotateSigningSecretService {
  constructor(private readonly agencies: AgencyRepository) {}

  async execute(agencyId: string): Promise<SigningSecretResponse> {
    const signingSecret = generateSigningSecret();
    if (!(await this.agencies.updateSigningSecret(agencyId, signingSecret))) {
      throw new SourcingException(SourcingExceptionCode.AGENCY_NOT_FOUND, `No agency ${agencyId}.`);
    }
    return { signingSecret };
  }
}
