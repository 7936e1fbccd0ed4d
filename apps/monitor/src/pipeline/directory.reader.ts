// Names for the page: agencies and requisitions as sourcing holds them
// (GET /v1/agencies, GET /v1/requisitions with the ops token), and the
// agencies' webhook health (GET /v1/ops/webhooks/health). The events
// carry ids only (no PII, no free text), so the monitor asks the owner of that
// data, caches the answer and keeps the last one when sourcing is away; the
// page then shows ids, as before. Nothing here is stored.
import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@hiring/platform';
import { MonitorConfig } from '../monitor.config';

export interface AgencyName {
  id: string;
  name: string;
}

export interface RequisitionInfo {
  id: string;
  title: string;
  role: string;
  locationTier: string;
  status: string;
  openedAt: string;
  closedAt: string | null;
}

/** Webhook health of one agency, from sourcing's GET /v1/ops/webhooks/health (docs/webhooks.md). */
export interface AgencyWebhookHealth {
  agencyId: string;
  endpoints: number;
  disabledEndpoints: number;
  pending: number;
  deliveredLast24h: number;
  failedLast24h: number;
  lastDeliveredAt: string | null;
  oldestPendingAt: string | null;
  disabled: { endpointId: string; url: string; disabledAt: string | null; reason: string | null }[];
}

export interface Directory {
  agencies: AgencyName[];
  requisitions: RequisitionInfo[];
  /** Agencies with webhook endpoints; empty with webhooksError when sourcing could not say. */
  webhooks: AgencyWebhookHealth[];
  webhooksError?: string;
  ok: boolean;
  checkedAt: string;
  error?: string;
}

const REQUEST_TIMEOUT_MS = 3000;

function text(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** Keeps only the fields the page shows, and only well-formed entries. */
export function parseAgencies(body: unknown): AgencyName[] {
  if (!Array.isArray(body)) throw new Error('agencies: expected an array');
  return body.flatMap((a: Record<string, unknown>) => {
    const id = text(a?.['id']);
    const name = text(a?.['name']);
    return id && name ? [{ id, name }] : [];
  });
}

export function parseRequisitions(body: unknown): RequisitionInfo[] {
  if (!Array.isArray(body)) throw new Error('requisitions: expected an array');
  return body.flatMap((r: Record<string, unknown>) => {
    const id = text(r?.['id']);
    const title = text(r?.['title']);
    const openedAt = text(r?.['createdAt']);
    if (!id || !title || !openedAt) return [];
    return [
      {
        id,
        title,
        role: text(r['targetRole']) ?? '',
        locationTier: text(r['locationTier']) ?? '',
        status: text(r['status']) ?? '',
        openedAt,
        closedAt: text(r['closedAt']) ?? null,
      },
    ];
  });
}

function count(v: unknown): number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0;
}

export function parseWebhookHealth(body: unknown): AgencyWebhookHealth[] {
  if (!Array.isArray(body)) throw new Error('webhook health: expected an array');
  return body.flatMap((h: Record<string, unknown>) => {
    const agencyId = text(h?.['agencyId']);
    if (!agencyId) return [];
    const disabled = Array.isArray(h['disabled']) ? (h['disabled'] as Record<string, unknown>[]) : [];
    return [
      {
        agencyId,
        endpoints: count(h['endpoints']),
        disabledEndpoints: count(h['disabledEndpoints']),
        pending: count(h['pending']),
        deliveredLast24h: count(h['deliveredLast24h']),
        failedLast24h: count(h['failedLast24h']),
        lastDeliveredAt: text(h['lastDeliveredAt']) ?? null,
        oldestPendingAt: text(h['oldestPendingAt']) ?? null,
        disabled: disabled.flatMap((d) => {
          const endpointId = text(d?.['endpointId']);
          return endpointId ? [{ endpointId, url: text(d['url']) ?? '', disabledAt: text(d['disabledAt']) ?? null, reason: text(d['reason']) ?? null }] : [];
        }),
      },
    ];
  });
}

@Injectable()
export class DirectoryReader {
  private readonly logger = new Logger(DirectoryReader.name);
  private last: Directory = { agencies: [], requisitions: [], webhooks: [], ok: false, checkedAt: new Date(0).toISOString(), error: 'not read yet' };
  private pending?: Promise<Directory>;
  private readAt = -Infinity;

  constructor(
    private readonly config: MonitorConfig,
    private readonly clock: Clock,
  ) {}

  read(): Promise<Directory> {
    const now = this.clock.now().getTime();
    if (this.pending) return this.pending;
    if (now - this.readAt < this.config.MONITOR_DIRECTORY_CACHE_MS) return Promise.resolve(this.last);
    this.pending = this.fetchDirectory()
      .then((d) => (this.last = d))
      .catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        if (this.last.ok || this.last.error !== message) this.logger.warn(`sourcing directory unavailable: ${message}`);
        this.last = { ...this.last, ok: false, checkedAt: this.clock.now().toISOString(), error: message };
        return this.last;
      })
      .finally(() => {
        this.readAt = this.clock.now().getTime();
        this.pending = undefined;
      });
    return this.pending;
  }

  private async fetchDirectory(): Promise<Directory> {
    // Webhook health is a side panel: when only it fails, names still show.
    const [agencies, requisitions, webhooks] = await Promise.all([
      this.get('/v1/agencies'),
      this.get('/v1/requisitions'),
      this.get('/v1/ops/webhooks/health').then(
        (body) => ({ health: parseWebhookHealth(body) }),
        (error: unknown) => ({ health: [], error: error instanceof Error ? error.message : String(error) }),
      ),
    ]);
    return {
      agencies: parseAgencies(agencies),
      requisitions: parseRequisitions(requisitions),
      webhooks: webhooks.health,
      ...('error' in webhooks ? { webhooksError: webhooks.error } : {}),
      ok: true,
      checkedAt: this.clock.now().toISOString(),
    };
  }

  private async get(path: string): Promise<unknown> {
    const url = `${this.config.SOURCING_URL.replace(/\/+$/, '')}${path}`;
    let res: Response;
    try {
      res = await fetch(url, { headers: { authorization: `Bearer ${this.config.OPS_TOKEN}` }, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error instanceof Error ? error.message : String(error));
      throw new Error(`sourcing did not answer at ${url} (${cause})`);
    }
    if (!res.ok) throw new Error(`sourcing answered ${res.status} to GET ${path}`);
    return res.json();
  }
}
