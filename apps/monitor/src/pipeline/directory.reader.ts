// Names for the page: agencies and requisitions as sourcing holds them
// (GET /v1/agencies, GET /v1/requisitions with the ops token). The events
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

export interface Directory {
  agencies: AgencyName[];
  requisitions: RequisitionInfo[];
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

@Injectable()
export class DirectoryReader {
  private readonly logger = new Logger(DirectoryReader.name);
  private last: Directory = { agencies: [], requisitions: [], ok: false, checkedAt: new Date(0).toISOString(), error: 'not read yet' };
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
    const [agencies, requisitions] = await Promise.all([this.get('/v1/agencies'), this.get('/v1/requisitions')]);
    return { agencies: parseAgencies(agencies), requisitions: parseRequisitions(requisitions), ok: true, checkedAt: this.clock.now().toISOString() };
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
