import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { RequisitionEntity, type RequisitionStatus } from './requisition.entity';

export type NewRequisition = Omit<RequisitionEntity, 'createdAt' | 'closedAt' | 'status'>;

@Injectable()
export class RequisitionRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(RequisitionEntity);
  }

  create(requisition: NewRequisition): Promise<RequisitionEntity> {
    return this.repo.save(this.repo.create({ ...requisition, status: 'open', closedAt: null }));
  }

  findById(id: string): Promise<RequisitionEntity | null> {
    return this.repo.findOneBy({ id });
  }

  /** The requisitions a chunk of submissions names, in one query. */
  findByIds(ids: readonly string[]): Promise<RequisitionEntity[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.repo.findBy({ id: In([...new Set(ids)]) });
  }

  list(status?: RequisitionStatus): Promise<RequisitionEntity[]> {
    return this.repo.find({ where: status ? { status } : {}, order: { createdAt: 'DESC' }, take: 500 });
  }

  /** Closes an open requisition; closing a closed one changes nothing. */
  async close(id: string, now: Date): Promise<RequisitionEntity | null> {
    await this.repo.update({ id, status: 'open' }, { status: 'closed', closedAt: now });
    return this.findById(id);
  }
}
