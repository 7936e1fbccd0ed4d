// What ops do with the events the relay parked as too large for Kafka
// (docs/messaging.md, "An event Kafka refuses as too large"): see them
// without their bytes (a value may hold personal data), and put them back in
// the outbox once the cause is fixed (the topic's max.message.bytes raised),
// so the relay tries again. One statement per call, set-based.
import type { DataSource } from 'typeorm';
import { messagingTables, type MessagingTables } from '../sql';

/** A parked row as ops see it: never the value. */
export interface ParkedEventSummary {
  /** The outbox id the row had; a replayed row gets a new one (parked again: again a new one). */
  id: string;
  topic: string;
  key: string | null;
  bytes: number;
  reason: string;
  parkedAt: string;
}

export interface ParkedEventList {
  schema: string;
  /** Rows in the table (the `messaging_outbox_parked` gauge). */
  total: number;
  /** The highest id in the table, or null: `replayOldest` up to it ends even when rows are parked again. */
  newestId: string | null;
  /** The oldest `limit` rows, by id. */
  rows: ParkedEventSummary[];
}

export interface ParkedEventReplay {
  schema: string;
  /** Moved back to the outbox (behind what is queued there now), by id. */
  replayed: ParkedEventSummary[];
  /** Rows at or below the `through` id still parked (replayOldest), else 0. */
  remaining: number;
}

/** Ids that name no parked row: nothing was replayed. */
export class UnknownParkedEventsError extends Error {
  override readonly name = 'UnknownParkedEventsError';

  constructor(
    readonly schema: string,
    readonly ids: readonly string[],
  ) {
    super(`no parked event ${ids.join(', ')} in ${schema}.outbox_parked (hiring outbox parked lists them)`);
  }
}

const ID = /^[1-9][0-9]{0,18}$/;

/** Whether `text` can be a parked row's id (an outbox id: a positive bigint). */
export function isParkedEventId(text: string): boolean {
  return ID.test(text) && BigInt(text) <= 9_223_372_036_854_775_807n;
}

type Row = { id: string; topic: string; key: string | null; bytes: number; reason: string; parked_at: Date };

const SUMMARY_COLUMNS = 'id::text AS id, topic, key, bytes, reason, parked_at';

function summary(r: Row): ParkedEventSummary {
  return { id: r.id, topic: r.topic, key: r.key, bytes: r.bytes, reason: r.reason, parkedAt: r.parked_at.toISOString() };
}

export class ParkedEvents {
  private readonly t: MessagingTables;

  constructor(
    private readonly dataSource: DataSource,
    private readonly schema: string,
  ) {
    this.t = messagingTables(schema);
  }

  async list(limit: number): Promise<ParkedEventList> {
    const [counts] = (await this.dataSource.query(`SELECT count(*)::int AS total, max(id)::text AS newest FROM ${this.t.parked}`)) as Array<{ total: number; newest: string | null }>;
    const rows = limit > 0 ? ((await this.dataSource.query(`SELECT ${SUMMARY_COLUMNS} FROM ${this.t.parked} ORDER BY id LIMIT $1`, [limit])) as Row[]) : [];
    return { schema: this.schema, total: counts?.total ?? 0, newestId: counts?.newest ?? null, rows: rows.map(summary) };
  }

  /** These rows back into the outbox, all or none (UnknownParkedEventsError names the ids that are not parked). */
  async replay(ids: readonly string[]): Promise<ParkedEventReplay> {
    const wanted = [...new Set(ids)];
    return this.dataSource.transaction(async (tx) => {
      const moved = (await tx.query(this.moveStatement('id = ANY($1::bigint[])'), [wanted])) as Row[];
      if (moved.length < wanted.length) {
        const found = new Set(moved.map((r) => r.id));
        // Throwing rolls the move back: a typo among several ids replays nothing.
        throw new UnknownParkedEventsError(this.schema, wanted.filter((id) => !found.has(id)));
      }
      return { schema: this.schema, replayed: moved.map(summary), remaining: 0 };
    });
  }

  /**
   * The oldest `limit` rows with an id at or below `throughId` back into the
   * outbox. A replayed row Kafka still refuses is parked again with a new,
   * higher id, so replaying up to the newest id seen at the start ends.
   */
  async replayOldest(throughId: string, limit: number): Promise<ParkedEventReplay> {
    return this.dataSource.transaction(async (tx) => {
      const moved = (await tx.query(
        this.moveStatement(`id IN (SELECT id FROM ${this.t.parked} WHERE id <= $1::bigint ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED)`),
        [throughId, limit],
      )) as Row[];
      const [left] = (await tx.query(`SELECT count(*)::int AS n FROM ${this.t.parked} WHERE id <= $1::bigint`, [throughId])) as Array<{ n: number }>;
      return { schema: this.schema, replayed: moved.map(summary), remaining: left?.n ?? 0 };
    });
  }

  /**
   * Deletes the chosen parked rows and inserts them into the outbox in one
   * statement (the INSERT's NOTIFY wakes the relay at commit). They queue
   * behind what is in the outbox now, in their old order (by id). Postgres
   * runs a data-modifying WITH whether or not the query reads it.
   */
  private moveStatement(where: string): string {
    return `WITH moved AS (DELETE FROM ${this.t.parked} WHERE ${where} RETURNING *),
                 queued AS (INSERT INTO ${this.t.outbox} (topic, key, value, headers) SELECT topic, key, value, headers FROM moved ORDER BY id RETURNING 1)
            SELECT ${SUMMARY_COLUMNS} FROM moved ORDER BY id`;
  }
}
