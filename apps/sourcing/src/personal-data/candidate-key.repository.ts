// The key store: sourcing owns it, other services obtain keys through
// POST /v1/ops/candidate-keys/lookup. Set-based: one statement per batch of
// candidates, never one per candidate.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { entityManagerOf, MasterKeyRing, newDataKey, preparedStatement, runPrepared, type SqlRunner, type Tx } from '@hiring/platform';
import { DataSource } from 'typeorm';

interface KeyRow {
  candidate_id: string;
  master_key_id: string;
  wrapped_key: Buffer;
}

// One round trip: the candidates whose key was inserted now (their key is the
// one just made: not sent back, not unwrapped) and the keys that were there
// before (the statement's snapshot does not see its own inserts).
const ENSURE_KEYS = preparedStatement(`WITH ins AS (
    INSERT INTO sourcing.candidate_data_keys (candidate_id, master_key_id, wrapped_key)
    SELECT k.candidate_id, k.master_key_id, k.wrapped_key
      FROM unnest($1::uuid[], $2::text[], $3::bytea[]) AS k (candidate_id, master_key_id, wrapped_key)
     WHERE NOT EXISTS (SELECT 1 FROM sourcing.erasures e WHERE e.candidate_id = k.candidate_id)
    ON CONFLICT (candidate_id) DO NOTHING
    RETURNING candidate_id)
  SELECT candidate_id, NULL AS master_key_id, NULL AS wrapped_key FROM ins
  UNION ALL
  SELECT d.candidate_id, d.master_key_id, d.wrapped_key FROM sourcing.candidate_data_keys d
   WHERE d.candidate_id = ANY($1::uuid[]) AND d.candidate_id NOT IN (SELECT candidate_id FROM ins)`);

const KEY_ROWS = preparedStatement('SELECT candidate_id, master_key_id, wrapped_key FROM sourcing.candidate_data_keys WHERE candidate_id = ANY($1::uuid[])');

/** A data key to store, wrapped with the current master key. */
export interface NewDataKeyRow {
  candidateId: string;
  masterKeyId: string;
  wrapped: Buffer;
}

export interface KeyLookup {
  keys: Map<string, Buffer>;
  /** Candidates that were erased: their key is gone for good. */
  erased: string[];
  /** Ids with neither a key nor an erasure (unknown, or sourced before keys existed). */
  unknown: string[];
}

@Injectable()
export class CandidateKeyRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ring: MasterKeyRing,
  ) {}

  /**
   * The data keys of these candidates, created where missing, inside the
   * caller's transaction. An erased candidate never gets a key again.
   */
  ensure(tx: Tx, candidateIds: string[]): Promise<Map<string, Buffer>> {
    return ensureDataKeys(tx, this.ring, candidateIds);
  }

  /**
   * Data keys for candidates created now, made and wrapped here and not yet
   * stored: the intake writes them in the statement that creates the
   * candidates (a fresh id has no key and no erasure, so nothing to read).
   */
  forNewCandidates(candidateIds: readonly string[]): { keys: Map<string, Buffer>; rows: NewDataKeyRow[] } {
    const keys = new Map<string, Buffer>();
    const rows: NewDataKeyRow[] = [];
    for (const candidateId of candidateIds) {
      const key = newDataKey();
      const { masterKeyId, wrapped } = this.ring.wrap(key, candidateId);
      keys.set(candidateId, key);
      rows.push({ candidateId, masterKeyId, wrapped });
    }
    return { keys, rows };
  }

  async lookup(candidateIds: string[]): Promise<KeyLookup> {
    const ids = [...new Set(candidateIds)];
    const keys = this.unwrapAll(await keyRows(this.dataSource, ids));
    const missing = ids.filter((id) => !keys.has(id));
    const erasedRows: { candidate_id: string }[] = missing.length
      ? await this.dataSource.query('SELECT candidate_id FROM sourcing.erasures WHERE candidate_id = ANY($1::uuid[])', [missing])
      : [];
    const erased = new Set(erasedRows.map((r) => r.candidate_id));
    return { keys, erased: missing.filter((id) => erased.has(id)), unknown: missing.filter((id) => !erased.has(id)) };
  }

  /** Deletes the key: everything sealed with it is unreadable from now on. True when there was one. */
  async destroy(tx: Tx, candidateId: string): Promise<boolean> {
    const deleted: unknown[] = await entityManagerOf(tx).query('DELETE FROM sourcing.candidate_data_keys WHERE candidate_id = $1 RETURNING candidate_id', [candidateId]);
    return deleted.length > 0;
  }

  private unwrapAll(rows: KeyRow[]): Map<string, Buffer> {
    return unwrapAll(this.ring, rows);
  }
}

/** ensure() for any SQL runner (the intake's transaction, the backfill migration's query runner): one statement per batch. */
export async function ensureDataKeys(on: SqlRunner, ring: MasterKeyRing, candidateIds: string[]): Promise<Map<string, Buffer>> {
  const ids = [...new Set(candidateIds)];
  if (ids.length === 0) return new Map();
  const fresh = ids.map(() => newDataKey());
  const wrapped = ids.map((id, i) => ring.wrap(fresh[i]!, id));
  const rows = await runPrepared<KeyRow | { candidate_id: string; master_key_id: null; wrapped_key: null }>(on, ENSURE_KEYS, [
    ids,
    wrapped.map((w) => w.masterKeyId),
    wrapped.map((w) => w.wrapped),
  ]);
  // A key another transaction committed while this statement waited on it is
  // outside the statement's snapshot (and an erased candidate has none): read
  // again with a fresh snapshot, as the caller expects every key there is.
  if (rows.length !== ids.length) return unwrapAll(ring, await keyRows(on, ids));
  const made = new Map(ids.map((id, i) => [id, fresh[i]!]));
  return new Map(rows.map((r) => [r.candidate_id, r.wrapped_key === null ? made.get(r.candidate_id)! : ring.unwrap({ masterKeyId: r.master_key_id, wrapped: r.wrapped_key }, r.candidate_id)]));
}

function keyRows(on: SqlRunner, ids: string[]): Promise<KeyRow[]> {
  return runPrepared<KeyRow>(on, KEY_ROWS, [ids]);
}

function unwrapAll(ring: MasterKeyRing, rows: KeyRow[]): Map<string, Buffer> {
  return new Map(rows.map((r) => [r.candidate_id, ring.unwrap({ masterKeyId: r.master_key_id, wrapped: r.wrapped_key }, r.candidate_id)]));
}
