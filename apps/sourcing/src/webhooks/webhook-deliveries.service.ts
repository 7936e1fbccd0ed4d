// The delivery log (cursor-paged, newest first), redelivery and health.
// `agencyId` undefined = ops.
import { Injectable } from '@nestjs/common';
import { Clock } from '@hiring/platform';
import { SourcingException, SourcingExceptionCode } from '../shared/sourcing.exception';
import { WebhookLogRepository, type AgencyWebhookHealth } from './webhook-log.repository';
import { toDeliveryAttemptResponse } from './webhook-endpoint.mapper';
import type { DeliveriesPageResponse, DeliveriesQueryDto, OpsRedeliverDto, RedeliverResponse } from './webhook.dto';

const DEFAULT_LIMIT = 50;

/** The cursor is opaque to clients: today the id of the last attempt of the page, base64url. */
const encodeCursor = (id: string) => Buffer.from(`a:${id}`, 'utf8').toString('base64url');
function decodeCursor(cursor: string): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^a:(\d{1,18})$/.exec(text);
  if (!match?.[1]) throw new SourcingException(SourcingExceptionCode.INVALID_INPUT, 'The cursor is invalid.', [{ path: 'cursor', message: 'is not a cursor this API returned' }]);
  return match[1];
}

@Injectable()
export class WebhookDeliveriesService {
  constructor(
    private readonly log: WebhookLogRepository,
    private readonly clock: Clock,
  ) {}

  async list(agencyId: string | undefined, q: DeliveriesQueryDto): Promise<DeliveriesPageResponse> {
    const limit = q.limit ?? DEFAULT_LIMIT;
    const rows = await this.log.attempts({
      ...(agencyId ? { agencyId } : {}),
      ...(q.endpointId ? { endpointId: q.endpointId } : {}),
      ...(q.eventId ? { eventId: q.eventId } : {}),
      ...(q.cursor ? { beforeId: decodeCursor(q.cursor) } : {}),
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { items: page.map(toDeliveryAttemptResponse), nextCursor: rows.length > limit && last ? encodeCursor(last.id) : null };
  }

  /** One event, or a time range of events (from and/or to); an agency only ever reaches its own. */
  async redeliver(agencyId: string | undefined, dto: OpsRedeliverDto): Promise<RedeliverResponse> {
    if (!dto.eventId && !dto.from && !dto.to) {
      throw new SourcingException(SourcingExceptionCode.INVALID_INPUT, 'Say what to redeliver.', [{ path: 'eventId', message: 'give an eventId, or a time range with from and/or to' }]);
    }
    const from = dto.from ? new Date(dto.from) : undefined;
    const to = dto.to ? new Date(dto.to) : undefined;
    if (from && to && from >= to) throw new SourcingException(SourcingExceptionCode.INVALID_INPUT, 'The time range is empty.', [{ path: 'to', message: 'must be after from' }]);
    const scope = agencyId ?? dto.agencyId;
    const queued = await this.log.redeliver(
      { ...(scope ? { agencyId: scope } : {}), ...(dto.eventId ? { eventId: dto.eventId } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}), ...(dto.endpointId ? { endpointId: dto.endpointId } : {}) },
      this.clock.now(),
    );
    return { queued };
  }

  health(): Promise<AgencyWebhookHealth[]> {
    return this.log.healthByAgency(this.clock.now());
  }
}
