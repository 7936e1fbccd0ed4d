import { Injectable } from '@nestjs/common';
import { SourcingException, SourcingExceptionCode } from '../shared/sourcing.exception';
import type { RequisitionResponse } from './requisition.dto';
import { toRequisitionResponse } from './requisition.mapper';
import { RequisitionRepository } from './requisition.repository';

/** A closed requisition takes no new submissions. */
@Injectable()
export class CloseRequisitionService {
  constructor(private readonly requisitions: RequisitionRepository) {}

  async execute(id: string, now = new Date()): Promise<RequisitionResponse> {
    const closed = await this.requisitions.close(id, now);
    if (!closed) throw new SourcingException(SourcingExceptionCode.REQUISITION_NOT_FOUND, `No requisition ${id}.`);
    return toRequisitionResponse(closed);
  }
}
