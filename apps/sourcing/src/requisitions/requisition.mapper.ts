import type { OpenRequisitionResponse, RequisitionResponse } from './requisition.dto';
import type { RequisitionEntity } from './requisition.entity';

export function toRequisitionResponse(r: RequisitionEntity): RequisitionResponse {
  return {
    id: r.id,
    title: r.title,
    locationTier: r.locationTier,
    targetRole: r.targetRole,
    roleSource: r.roleSource,
    signals: r.signals,
    advice: { role: r.advisedRole, reasons: r.adviceReasons, signals: r.adviceSignals, rulesVersion: r.advisorRulesVersion },
    status: r.status,
    createdAt: r.createdAt.toISOString(),
    closedAt: r.closedAt ? r.closedAt.toISOString() : null,
  };
}

export function toOpenRequisitionResponse(r: RequisitionEntity): OpenRequisitionResponse {
  return { id: r.id, title: r.title, locationTier: r.locationTier, targetRole: r.targetRole, openedAt: r.createdAt.toISOString() };
}
