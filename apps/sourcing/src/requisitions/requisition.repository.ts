import { Injectable } from '@nestjs/common';
import { preparedStatement, runPrepared } from '@hiring/platform';
import { DataSource } from 'typeorm';
import { RequisitionEntity, type RequisitionStatus } from './requisition.entity';

export type NewRequisition = Omit<RequisitionEntity, 'createdAt' | 'closedAt' | 'status'>;

/** What the intake needs of a requisition a submission names: whether it is open, and what it is for. */
export type IntakeRequisition = Pick<RequisitionEntity, 'id' | 'status' | 'targetRole' | 'locationTier'>;

// Prepared, and only the columns the intake reads: every submission (a single POST too) looks its requisition up,
// and TypeORM's findBy sent an unnamed statement (parsed and planned on each call) and built whole entities
// with their jsonb advice.
const FIND_FOR_INTAKE = preparedStatement(`SELECT id, status, target_role, location_tier FROM sourcing.requisitions WHERE id = ANY($1::uuid[])`);

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
  async findForIntake(ids: readonly string[]): Promise<IntakeRequisition[]> {
    if (ids.length === 0) return [];
    const rows = await runPrepared<{ id: string; status: RequisitionStatus; target_role: IntakeRequisition['targetRole']; location_tier: IntakeRequisition['locationTier'] }>(
      this.dataSource,
      FIND_FOR_INTAKE,
      [[...new Set(ids)]],
    );
    return rows.map((r) => ({ id: r.id, status: r.status, targetRole: r.target_role, locationTier: r.location_tier }));
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
