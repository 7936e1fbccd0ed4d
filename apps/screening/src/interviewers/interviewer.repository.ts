import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { entityManagerOf, type Tx } from '@hiring/platform';

export interface Interviewer {
  interviewerId: string;
  displayName: string;
  active: boolean;
  registeredAt: Date;
  deactivatedAt: Date | null;
}

interface InterviewerRow {
  interviewer_id: string;
  display_name: string;
  active: boolean;
  registered_at: Date;
  deactivated_at: Date | null;
}

const toInterviewer = (r: InterviewerRow): Interviewer => ({
  interviewerId: r.interviewer_id,
  displayName: r.display_name,
  active: r.active,
  registeredAt: r.registered_at,
  deactivatedAt: r.deactivated_at,
});

/** The interviewer registry in schema "screening": who may record interview feedback. */
@Injectable()
export class InterviewerRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Registers an interviewer, or renames and re-activates a known one. */
  async register(interviewerId: string, displayName: string, at: Date): Promise<Interviewer> {
    const rows: InterviewerRow[] = await this.dataSource.query(
      `INSERT INTO screening.interviewers (interviewer_id, display_name, active, registered_at)
       VALUES ($1, $2, true, $3)
       ON CONFLICT (interviewer_id) DO UPDATE SET display_name = excluded.display_name, active = true, deactivated_at = NULL
       RETURNING *`,
      [interviewerId, displayName, at.toISOString()],
    );
    return toInterviewer(rows[0]);
  }

  /** Deactivates (their past feedback stays); undefined when the id is not registered. */
  async deactivate(interviewerId: string, at: Date): Promise<Interviewer | undefined> {
    const rows: InterviewerRow[] = await this.dataSource.query(
      // Through a CTE: TypeORM answers a bare UPDATE with [rows, count], a SELECT with rows.
      `WITH changed AS (
         UPDATE screening.interviewers SET active = false, deactivated_at = COALESCE(deactivated_at, $2)
          WHERE interviewer_id = $1 RETURNING *)
       SELECT * FROM changed`,
      [interviewerId, at.toISOString()],
    );
    return rows[0] ? toInterviewer(rows[0]) : undefined;
  }

  async list(): Promise<Interviewer[]> {
    const rows: InterviewerRow[] = await this.dataSource.query('SELECT * FROM screening.interviewers ORDER BY interviewer_id');
    return rows.map(toInterviewer);
  }

  /** Which of these ids belong to active interviewers: one query per batch. */
  async findActive(tx: Tx, interviewerIds: readonly string[]): Promise<Set<string>> {
    if (interviewerIds.length === 0) return new Set();
    const rows: Array<{ interviewer_id: string }> = await entityManagerOf(tx).query(
      'SELECT interviewer_id FROM screening.interviewers WHERE interviewer_id = ANY($1::text[]) AND active',
      [[...new Set(interviewerIds)]],
    );
    return new Set(rows.map((r) => r.interviewer_id));
  }
}
