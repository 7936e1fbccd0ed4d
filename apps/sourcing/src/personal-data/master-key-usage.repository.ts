// What is stored wrapped by a master key: the per-candidate data keys, the
// webhook secrets (current and previous) and the agencies' signing secrets. Re-wrapping moves them onto the
// current master key in batches, one statement to claim a batch and one to
// write it back, so the old master key can be dropped from configuration.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { asTx, entityManagerOf, type Tx, type WrappedDataKey } from '@hiring/platform';
import { DataSource } from 'typeorm';

/** How many stored values each master key id wraps. */
export interface MasterKeyUsage {
  dataKeys: Map<string, number>;
  webhookSecrets: Map<string, number>;
  signingSecrets: Map<string, number>;
}

export interface WrappedAgencySecret extends WrappedDataKey {
  agencyId: string;
}

export interface WrappedCandidateKey extends WrappedDataKey {
  candidateId: string;
}

export interface WrappedEndpointSecrets {
  endpointId: string;
  secret: WrappedDataKey;
  previous: WrappedDataKey | null;
}

@Injectable()
export class MasterKeyUsageRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(asTx(manager)));
  }

  /** One statement: counts per master key id (an index-only scan on the data keys). */
  async usage(tx: Tx = asTx(this.dataSource.manager)): Promise<MasterKeyUsage> {
    const rows: { kind: 'data-key' | 'webhook-secret' | 'signing-secret'; key_id: string; n: string }[] = await entityManagerOf(tx).query(
      `SELECT 'data-key' AS kind, master_key_id AS key_id, count(*) AS n FROM sourcing.candidate_data_keys GROUP BY master_key_id
       UNION ALL
       SELECT 'webhook-secret', s.key_id, count(*) FROM sourcing.webhook_endpoints e
         CROSS JOIN LATERAL (VALUES (e.secret_key_id), (e.previous_secret_key_id)) AS s (key_id)
        WHERE s.key_id IS NOT NULL GROUP BY s.key_id
       UNION ALL
       SELECT 'signing-secret', signing_secret_key_id, count(*) FROM sourcing.agencies GROUP BY signing_secret_key_id`,
    );
    const usage: MasterKeyUsage = { dataKeys: new Map(), webhookSecrets: new Map(), signingSecrets: new Map() };
    const byKind = { 'data-key': usage.dataKeys, 'webhook-secret': usage.webhookSecrets, 'signing-secret': usage.signingSecrets };
    for (const r of rows) byKind[r.kind].set(r.key_id, Number(r.n));
    return usage;
  }

  /** Up to `limit` data keys wrapped by one of `oldKeyIds`, locked until the transaction ends (an erasure waits, never races). */
  async claimDataKeys(tx: Tx, oldKeyIds: string[], limit: number): Promise<WrappedCandidateKey[]> {
    return (await claimWrapped(tx, DATA_KEYS, oldKeyIds, limit)).map(({ ownerId, ...key }) => ({ candidateId: ownerId, ...key }));
  }

  saveDataKeys(tx: Tx, keys: readonly WrappedCandidateKey[]): Promise<void> {
    return saveWrapped(tx, DATA_KEYS, keys.map(({ candidateId, ...key }) => ({ ownerId: candidateId, ...key })));
  }

  async claimWebhookSecrets(tx: Tx, oldKeyIds: string[], limit: number): Promise<WrappedEndpointSecrets[]> {
    const rows: { id: string; secret_key_id: string; secret_wrapped: Buffer; previous_secret_key_id: string | null; previous_secret_wrapped: Buffer | null }[] = await entityManagerOf(tx).query(
      `SELECT id, secret_key_id, secret_wrapped, previous_secret_key_id, previous_secret_wrapped FROM sourcing.webhook_endpoints
        WHERE secret_key_id = ANY($1::text[]) OR previous_secret_key_id = ANY($1::text[])
        ORDER BY id LIMIT $2 FOR UPDATE`,
      [oldKeyIds, limit],
    );
    return rows.map((r) => ({
      endpointId: r.id,
      secret: { masterKeyId: r.secret_key_id, wrapped: r.secret_wrapped },
      previous: r.previous_secret_key_id && r.previous_secret_wrapped ? { masterKeyId: r.previous_secret_key_id, wrapped: r.previous_secret_wrapped } : null,
    }));
  }

  async saveWebhookSecrets(tx: Tx, endpoints: readonly WrappedEndpointSecrets[]): Promise<void> {
    if (endpoints.length === 0) return;
    await entityManagerOf(tx).query(
      `UPDATE sourcing.webhook_endpoints e
          SET secret_key_id = s.secret_key_id, secret_wrapped = s.secret_wrapped,
              previous_secret_key_id = s.previous_secret_key_id, previous_secret_wrapped = s.previous_secret_wrapped
         FROM unnest($1::uuid[], $2::text[], $3::bytea[], $4::text[], $5::bytea[])
           AS s (id, secret_key_id, secret_wrapped, previous_secret_key_id, previous_secret_wrapped)
        WHERE e.id = s.id`,
      [
        endpoints.map((e) => e.endpointId),
        endpoints.map((e) => e.secret.masterKeyId),
        endpoints.map((e) => e.secret.wrapped),
        endpoints.map((e) => e.previous?.masterKeyId ?? null),
        endpoints.map((e) => e.previous?.wrapped ?? null),
      ],
    );
  }

  async claimSigningSecrets(tx: Tx, oldKeyIds: string[], limit: number): Promise<WrappedAgencySecret[]> {
    return (await claimWrapped(tx, SIGNING_SECRETS, oldKeyIds, limit)).map(({ ownerId, ...secret }) => ({ agencyId: ownerId, ...secret }));
  }

  saveSigningSecrets(tx: Tx, secrets: readonly WrappedAgencySecret[]): Promise<void> {
    return saveWrapped(tx, SIGNING_SECRETS, secrets.map(({ agencyId, ...secret }) => ({ ownerId: agencyId, ...secret })));
  }
}

/** A table holding one wrapped value per row: which columns hold the owner, the master key id and the value. */
interface WrappedColumns {
  table: string;
  owner: string;
  keyId: string;
  wrapped: string;
}

const DATA_KEYS: WrappedColumns = { table: 'sourcing.candidate_data_keys', owner: 'candidate_id', keyId: 'master_key_id', wrapped: 'wrapped_key' };
const SIGNING_SECRETS: WrappedColumns = { table: 'sourcing.agencies', owner: 'id', keyId: 'signing_secret_key_id', wrapped: 'signing_secret_wrapped' };

interface OwnedWrappedValue extends WrappedDataKey {
  ownerId: string;
}

async function claimWrapped(tx: Tx, c: WrappedColumns, oldKeyIds: string[], limit: number): Promise<OwnedWrappedValue[]> {
  const rows: { owner: string; key_id: string; wrapped: Buffer }[] = await entityManagerOf(tx).query(
    `SELECT ${c.owner} AS owner, ${c.keyId} AS key_id, ${c.wrapped} AS wrapped FROM ${c.table}
      WHERE ${c.keyId} = ANY($1::text[]) ORDER BY ${c.owner} LIMIT $2 FOR UPDATE`,
    [oldKeyIds, limit],
  );
  return rows.map((r) => ({ ownerId: r.owner, masterKeyId: r.key_id, wrapped: r.wrapped }));
}

async function saveWrapped(tx: Tx, c: WrappedColumns, values: readonly OwnedWrappedValue[]): Promise<void> {
  if (values.length === 0) return;
  await entityManagerOf(tx).query(
    `UPDATE ${c.table} t SET ${c.keyId} = v.key_id, ${c.wrapped} = v.wrapped
       FROM unnest($1::uuid[], $2::text[], $3::bytea[]) AS v (owner, key_id, wrapped)
      WHERE t.${c.owner} = v.owner`,
    [values.map((v) => v.ownerId), values.map((v) => v.masterKeyId), values.map((v) => v.wrapped)],
  );
}
