// What is stored wrapped by a master key: the per-candidate data keys and the
// webhook secrets (current and previous). Re-wrapping moves them onto the
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
    const rows: { kind: 'data-key' | 'webhook-secret'; key_id: string; n: string }[] = await entityManagerOf(tx).query(
      `SELECT 'data-key' AS kind, master_key_id AS key_id, count(*) AS n FROM sourcing.candidate_data_keys GROUP BY master_key_id
       UNION ALL
       SELECT 'webhook-secret', s.key_id, count(*) FROM sourcing.webhook_endpoints e
         CROSS JOIN LATERAL (VALUES (e.secret_key_id), (e.previous_secret_key_id)) AS s (key_id)
        WHERE s.key_id IS NOT NULL GROUP BY s.key_id`,
    );
    const usage: MasterKeyUsage = { dataKeys: new Map(), webhookSecrets: new Map() };
    for (const r of rows) (r.kind === 'data-key' ? usage.dataKeys : usage.webhookSecrets).set(r.key_id, Number(r.n));
    return usage;
  }

  /** Up to `limit` data keys wrapped by one of `oldKeyIds`, locked until the transaction ends (an erasure waits, never races). */
  async claimDataKeys(tx: Tx, oldKeyIds: string[], limit: number): Promise<WrappedCandidateKey[]> {
    const rows: { candidate_id: string; master_key_id: string; wrapped_key: Buffer }[] = await entityManagerOf(tx).query(
      `SELECT candidate_id, master_key_id, wrapped_key FROM sourcing.candidate_data_keys
        WHERE master_key_id = ANY($1::text[]) ORDER BY candidate_id LIMIT $2 FOR UPDATE`,
      [oldKeyIds, limit],
    );
    return rows.map((r) => ({ candidateId: r.candidate_id, masterKeyId: r.master_key_id, wrapped: r.wrapped_key }));
  }

  async saveDataKeys(tx: Tx, keys: readonly WrappedCandidateKey[]): Promise<void> {
    if (keys.length === 0) return;
    await entityManagerOf(tx).query(
      `UPDATE sourcing.candidate_data_keys d SET master_key_id = k.master_key_id, wrapped_key = k.wrapped_key
         FROM unnest($1::uuid[], $2::text[], $3::bytea[]) AS k (candidate_id, master_key_id, wrapped_key)
        WHERE d.candidate_id = k.candidate_id`,
      [keys.map((k) => k.candidateId), keys.map((k) => k.masterKeyId), keys.map((k) => k.wrapped)],
    );
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
}
