import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { adviseRole, ADVISOR_RULES_2026_03 } from '@hiring/domain';
import type { CreateRequisitionDto, RequisitionResponse } from './requisition.dto';
import { toRequisitionResponse } from './requisition.mapper';
import { RequisitionRepository } from './requisition.repository';

/**
 * A requisition with the role advisor's recommendation stored beside it (role,
 * reasons, signals, rules version), so the choice can be explained later. The
 * target role is the advice unless ops set one explicitly.
 */
@Injectable()
export class CreateRequisitionService {
  constructor(private readonly requisitions: RequisitionRepository) {}

  async execute(input: CreateRequisitionDto): Promise<RequisitionResponse> {
    const signals = { ...input.signals };
    const advice = adviseRole(signals, ADVISOR_RULES_2026_03);
    const saved = await this.requisitions.create({
      id: randomUUID(),
      title: input.title.trim(),
      locationTier: input.locationTier,
      signals,
      advisedRole: advice.role,
      adviceReasons: advice.reasons,
      adviceSignals: advice.signals,
      advisorRulesVersion: advice.rulesVersion,
      targetRole: input.targetRole ?? advice.role,
      roleSource: input.targetRole ? 'ops' : 'advisor',
    });
    return toRequisitionResponse(saved);
  }
}
