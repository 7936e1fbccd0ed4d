import { Injectable } from '@nestjs/common';
import { entityManagerOf, preparedStatement, runPrepared, type Tx } from '@hiring/platform';
import { DataSource } from 'typeorm';

export interface NewDuplicate {
  submissionId: string;
  agencyId: string;
  ownerAgencyId: string;
  ownerCandidateId: string;
  matchedOn: string[];
  ownedUntil: Date;
  rulesVersion: string;
  detectedAt: Date;
}

export interface DuplicateRecord extends NewDuplicate {
  agencyName: string;
  ownerAgencyName: string;
  requisitionId: string;
  externalId: string;
}

interface DuplicateRow {
  submission_id: string;
  agency_id: string;
  agency_name: string;
  owner_agency_id: string;
  owner_agency_name: string;
  owner_candidate_id: string;
  matched_on: string[];
  owned_until: Date;
  rules_version: string;
  detected_at: Date;
  requisition_id: string;
  external_id: string;
}

const SELECT = `SELECT d.*, a.name AS agency_name, o.name AS owner_agency_name, s.requisition_id, s.external_id
  FROM sourcing.duplicates d
  JOIN sourcing.agencies a ON a.id = d.agency_id
  JOIN sourcing.agencies o ON o.id = d.owner_agency_id
  JOIN sourcing.submissions s ON s.id = d.submission_id`;

// matched_on is ragged per row: sent as comma-joined kinds (kinds never hold a comma).
const RECORD_MANY = preparedStatement(`INSERT INTO sourcing.duplicates (submission_id, agency_id, owner_agency_id, owner_candidate_id, matched_on, owned_until, rules_version, detected_at)
  SELECT s, a, o, c, string_to_array(m, ','), u, r, d
    FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::timestamptz[], $7::text[], $8::timestamptz[]) AS t(s, a, o, c, m, u, r, d)`);

function toRecord(r: DuplicateRow): DuplicateRecord {
  return {
    submissionId: r.submission_id,
    agencyId: r.agency_id,
    agencyName: r.agency_name,
    ownerAgencyId: r.owner_agency_id,
    ownerAgencyName: r.owner_agency_name,
    ownerCandidateId: r.owner_candidate_id,
    matchedOn: r.matched_on,
    ownedUntil: new Date(r.owned_until),
    rulesVersion: r.rules_version,
    detectedAt: new Date(r.detected_at),
    requisitionId: r.requisition_id,
    externalId: r.external_id,
  };
}

@Injectable()
export class DuplicateRepository {
  constructor(private readonly dataSource: DataSource) {}

  async record(tx: Tx, d: NewDuplicate): Promise<void> {
    await entityManagerOf(tx).query(
      `INSERT INTO sourcing.duplicates (submission_id, agency_id, owner_agency_id, owner_candidate_id, matched_on, owned_until, rules_version, detected_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [d.submissionId, d.agencyId, d.ownerAgencyId, d.ownerCandidateId, d.matchedOn, d.ownedUntil, d.rulesVersion, d.detectedAt],
    );
  }

  async recordMany(tx: Tx, duplicates: readonly NewDuplicate[]): Promise<void> {
    if (duplicates.length === 0) return;
    await runPrepared(tx, RECORD_MANY, [
      duplicates.map((d) => d.submissionId),
      duplicates.map((d) => d.agencyId),
      duplicates.map((d) => d.ownerAgencyId),
      duplicates.map((d) => d.ownerCandidateId),
      duplicates.map((d) => d.matchedOn.join(',')),
      duplicates.map((d) => d.ownedUntil),
      duplicates.map((d) => d.rulesVersion),
      duplicates.map((d) => d.detectedAt),
    ]);
  }

  async list(filter: { agencyId?: string; limit: number }): Promise<DuplicateRecord[]> {
    const rows: DuplicateRow[] = await this.dataSource.query(
      `${SELECT} WHERE ($1::uuid IS NULL OR d.agency_id = $1 OR d.owner_agency_id = $1) ORDER BY d.detected_at DESC LIMIT $2`,
      [filter.agencyId ?? null, filter.limit],
    );
    return rows.map(toRecord);
  }

  async findBySubmission(submissionId: string): Promise<DuplicateRecord | undefined> {
    const rows: DuplicateRow[] = await this.dataSource.query(`${SELECT} WHERE d.submission_id = $1`, [submissionId]);
    return rows[0] ? toRecord(rows[0]) : undefined;
  }
}
