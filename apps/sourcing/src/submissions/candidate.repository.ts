import { Injectable } from '@nestjs/common';
import { preparedStatement, runPrepared, type Tx } from '@hiring/platform';
import type { CandidateIdentifier, IdentifierKind, OwnershipClaim } from '@hiring/domain';
import type { NewDataKeyRow } from '../personal-data/candidate-key.repository';

export interface NewCandidate {
  id: string;
  ownerAgencyId: string;
  firstSubmissionId: string;
  ownedFrom: Date;
  ownedUntil: Date;
  rulesVersion: string;
}

/** One identifier claimed for a candidate (the candidate's owner and window). */
export interface IdentifierClaim extends CandidateIdentifier {
  candidateId: string;
  agencyId: string;
  ownedFrom: Date;
  ownedUntil: Date;
}

const byKey = (a: CandidateIdentifier, b: CandidateIdentifier) => (a.kind + '\u0000' + a.value).localeCompare(b.kind + '\u0000' + b.value);

interface ClaimRow {
  kind: IdentifierKind;
  value: string;
  agency_id: string;
  candidate_id: string;
  owned_from: Date;
  owned_until: Date;
}

const FIND_CLAIMS = preparedStatement(`SELECT kind, value, agency_id, candidate_id, owned_from, owned_until
   FROM sourcing.candidate_identifiers
  WHERE (kind, value) IN (SELECT * FROM unnest($1::text[], $2::text[]))`);

// The new candidates with their data keys, and the chunk's claims, in one statement (one round trip, where a
// single submission paid three): the inserts in the CTEs always run, whether or not the claims are won (a lost
// claim rolls the whole attempt back).
const CREATE_AND_CLAIM = preparedStatement(`WITH created AS (
    INSERT INTO sourcing.candidates (id, owner_agency_id, first_submission_id, owned_from, owned_until, ownership_rules_version)
    SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::timestamptz[], $5::timestamptz[], $6::text[])),
  keyed AS (
    INSERT INTO sourcing.candidate_data_keys (candidate_id, master_key_id, wrapped_key)
    SELECT * FROM unnest($14::uuid[], $15::text[], $16::bytea[]))
  INSERT INTO sourcing.candidate_identifiers AS ci (kind, value, candidate_id, agency_id, owned_from, owned_until)
  SELECT k, v, c, a, f, u
    FROM unnest($7::text[], $8::text[], $9::uuid[], $10::uuid[], $11::timestamptz[], $12::timestamptz[]) WITH ORDINALITY AS t(k, v, c, a, f, u, n)
   ORDER BY n
  ON CONFLICT (kind, value) DO UPDATE
     SET candidate_id = EXCLUDED.candidate_id, agency_id = EXCLUDED.agency_id,
         owned_from = EXCLUDED.owned_from, owned_until = EXCLUDED.owned_until
   WHERE ci.owned_until <= $13
  RETURNING kind, value`);

/** Candidates and the normalised identifiers that say who owns them. */
@Injectable()
export class CandidateRepository {
  /** Stored claims (expired ones too) on any of the identifiers. */
  async findClaims(tx: Tx, identifiers: CandidateIdentifier[]): Promise<OwnershipClaim[]> {
    if (identifiers.length === 0) return [];
    const rows = await runPrepared<ClaimRow>(tx, FIND_CLAIMS, [identifiers.map((i) => i.kind), identifiers.map((i) => i.value)]);
    return rows.map((r) => ({
      kind: r.kind,
      value: r.value,
      agencyId: r.agency_id,
      candidateId: r.candidate_id,
      ownedFrom: new Date(r.owned_from),
      ownedUntil: new Date(r.owned_until),
    }));
  }

  /**
   * Creates the chunk's new candidates with their data keys and claims its identifiers (new ones
   * inserted, expired ones taken over, ones a concurrent transaction owns left
   * alone), in one statement: each identifier at most once (the caller
   * decided the chunk in memory), sorted so concurrent claimers lock rows in
   * one order. Returns what was claimed; a missing one is held by a
   * concurrent transaction now.
   */
  async createAndClaim(tx: Tx, candidates: readonly NewCandidate[], dataKeys: readonly NewDataKeyRow[], claims: readonly IdentifierClaim[], now: Date): Promise<CandidateIdentifier[]> {
    if (candidates.length === 0 && dataKeys.length === 0 && claims.length === 0) return [];
    const sorted = [...claims].sort(byKey);
    const rows = await runPrepared<{ kind: IdentifierKind; value: string }>(tx, CREATE_AND_CLAIM, [
      candidates.map((c) => c.id),
      candidates.map((c) => c.ownerAgencyId),
      candidates.map((c) => c.firstSubmissionId),
      candidates.map((c) => c.ownedFrom),
      candidates.map((c) => c.ownedUntil),
      candidates.map((c) => c.rulesVersion),
      sorted.map((c) => c.kind),
      sorted.map((c) => c.value),
      sorted.map((c) => c.candidateId),
      sorted.map((c) => c.agencyId),
      sorted.map((c) => c.ownedFrom),
      sorted.map((c) => c.ownedUntil),
      now,
      dataKeys.map((k) => k.candidateId),
      dataKeys.map((k) => k.masterKeyId),
      dataKeys.map((k) => k.wrapped),
    ]);
    return rows.map((r) => ({ kind: r.kind, value: r.value }));
  }
}
