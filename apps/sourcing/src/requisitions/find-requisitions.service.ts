import { Injectable } from '@nestjs/common';
import { SourcingException, SourcingExceptionCode } from '../shared/sourcing.exception';
import type { OpenRequisitionResponse, RequisitionResponse } from './requisition.dto';
import type { RequisitionStatus } from './requisition.entity';
import { toOpenRequisitionResponse, toRequisitionResponse } from './requisition.mapper';
import { RequisitionRepository } from './requisition.repository';

@Injectable()
export class FindRequisitionsService {
  constructor(private readonly requisitions: RequisitionRepository) {}

  async list(status?: RequisitionStatus): Promise<RequisitionResponse[]> {
    return (await this.requisitions.list(status)).map(toRequisitionResponse);
  }

  async listOpenForAgencies(): Promise<OpenRequisitionResponse[]> {
    return (await this.requisitions.list('open')).map(toOpenRequisitionResponse);
  }

  async get(id: string): Promise<RequisitionResponse> {
    const requisition = await this.requisitions.findById(id);
    if (!requisition) throw new SourcingException(SourcingExceptionCode.REQUISITION_NOT_FOUND, `No requisition ${id}.`);
    return toRequisitionResponse(requisition);
  }
}
