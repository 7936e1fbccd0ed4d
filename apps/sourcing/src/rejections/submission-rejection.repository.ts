import { Injectable } from '@nestjs/common';
import { entityManagerOf, type Tx } from '@hiring/platform';
import { DataSource } from 'typeorm';
import { keysetTimeSql, type KeysetPosition } from '../shared/list-cursor';
import type { SubmissionRejection } from './submission-rejection';

interface RejectionRow {
  id: string;
  agency_id: string;
  external_id: string | null;
  event_id: string | null;
  reason_code: string;
  reason: string;
  errors: SubmissionRejection['errors'];
  dead_letter: string;
  rejected_at: Date;
  position: string;
}

export interface RejectionPageRow {
  rejection: SubmissionRejection;
  position: KeysetPosition;
}

const POSITION = keysetTimeSql('rejected_at');

@Injectable()
export class SubmissionRejectionRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts a chunk in one statement; a dead letter already recorded is skipped. Returns the rows inserted. */
  async insertMany(tx: Tx, rows: readonly SubmissionRejection[], now: Date): Promise<SubmissionRejection[]> {
    if (rows.length === 0) return [];
    const col = <K extends keyof SubmissionRejection>(k: K) => rows.map((r) => r[k]);
    const inserted: { id: string }[] = await entityManagerOf(tx).query(
      `INSERT INTO sourcing.submission_rejections (id, agency_id, external_id, event_id, reason_code, reason, errors, dead_letter, rejected_at, recorded_at)
       SELECT id, agency_id, external_id, event_id, reason_code, reason, errors::jsonb, dead_letter, rejected_at, $10
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::timestamptz[])
              AS t(id, agency_id, external_id, event_id, reason_code, reason, errors, dead_letter, rejected_at)
       ON CONFLICT (dead_letter) DO NOTHING
       RETURNING id`,
      [
        col('id'),
        col('agencyId'),
        col('externalId'),
        col('eventId'),
        col('reasonCode'),
        col('reason'),
        rows.map((r) => JSON.stringify(r.errors)),
        col('deadLetter'),
        col('rejectedAt'),
        now,
      ],
    );
    const ids = new Set(inserted.map((r) => r.id));
    return rows.filter((r) => ids.has(r.id));
  }

  /** One page of an agency's rejections in (rejected_at, id) order, after `after`; `limit + 1` rows tell whether more follow. */
  async pageForAgency(agencyId: string, filter: { since?: Date; after?: KeysetPosition }, limit: number): Promise<RejectionPageRow[]> {
    const rows: RejectionRow[] = await this.dataSource.query(
      `SELECT id, agency_id, external_id, event_id, reason_code, reason, errors, dead_letter, rejected_at, ${POSITION} AS position
         FROM sourcing.submission_rejections
        WHERE agency_id = $1
          AND ($2::timestamptz IS NULL OR rejected_at >= $2)
          AND ($3::timestamptz IS NULL OR (rejected_at, id) > ($3::timestamptz, $4::uuid))
        ORDER BY rejected_at, id
        LIMIT $5`,
      [agencyId, filter.since ?? null, filter.after?.at ?? null, filter.after?.id ?? null, limit],
    );
    return rows.map((r) => ({
      rejection: {
        id: r.id,
        agencyId: r.agency_id,
        externalId: r.external_id,
        eventId: r.event_id,
        reasonCode: r.reason_code,
        reason: r.reason,
        errors: r.errors,
        deadLetter: r.dead_letter,
        rejectedAt: new Date(r.rejected_at),
      },
      position: { at: r.position, id: r.id },
    }));
  }
}
