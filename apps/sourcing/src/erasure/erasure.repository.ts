import { Injectable } from '@nestjs/common';
import { entityManagerOf, type Tx } from '@hiring/platform';

export interface ErasureRecord {
  candidateId: string;
  requestedBy: string;
  erasedAt: Date;
  /** Whether a data key was destroyed by this erasure (false for a candidate sourced before keys existed). */
  dataKeyDestroyed: boolean;
}

/** The name an erased person's submissions show. */
export const ERASED_NAME = '[erased]';

/** Deletes a person's identity from the sourcing schema and records that it happened. */
@Injectable()
export class ErasureRepository {
  async find(tx: Tx, candidateId: string): Promise<ErasureRecord | undefined> {
    const rows: { candidate_id: string; requested_by: string; erased_at: Date; data_key_destroyed: boolean }[] = await entityManagerOf(tx).query(
      'SELECT candidate_id, requested_by, erased_at, data_key_destroyed FROM sourcing.erasures WHERE candidate_id = $1',
      [candidateId],
    );
    const r = rows[0];
    return r && { candidateId: r.candidate_id, requestedBy: r.requested_by, erasedAt: new Date(r.erased_at), dataKeyDestroyed: r.data_key_destroyed };
  }

  /** Locks the candidate row so concurrent erasures of one person serialise. */
  async lockCandidate(tx: Tx, candidateId: string): Promise<boolean> {
    const rows: unknown[] = await entityManagerOf(tx).query('SELECT id FROM sourcing.candidates WHERE id = $1 FOR UPDATE', [candidateId]);
    return rows.length > 0;
  }

  /**
   * Deletes the sealed identity and profile of every submission of the
   * person: their own and the duplicates other agencies sent of them (all
   * sealed for this candidate; unreadable anyway once the key is destroyed).
   * Identifiers (blind indexes) go too, so the ownership claim ends with the data.
   */
  async erase(tx: Tx, record: ErasureRecord): Promise<void> {
    const db = entityManagerOf(tx);
    // sealed_for = $1, asked as the two halves the indexes hold: the person's own submissions (by candidate)
    // and the others sealed for them (duplicates: submissions_sealed_for_other_idx).
    await db.query(
      `UPDATE sourcing.submissions SET personal_data = NULL
        WHERE (candidate_id = $1 AND sealed_for = $1) OR (sealed_for = $1 AND sealed_for IS DISTINCT FROM candidate_id)`,
      [record.candidateId],
    );
    await db.query('DELETE FROM sourcing.candidate_identifiers WHERE candidate_id = $1', [record.candidateId]);
    await db.query('INSERT INTO sourcing.erasures (candidate_id, requested_by, erased_at, data_key_destroyed) VALUES ($1, $2, $3, $4)', [
      record.candidateId,
      record.requestedBy,
      record.erasedAt,
      record.dataKeyDestroyed,
    ]);
  }
}
