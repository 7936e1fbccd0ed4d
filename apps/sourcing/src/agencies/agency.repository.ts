import { Injectable } from '@nestjs/common';
import { nestMessagingLogger, OutboxListener } from '@hiring/messaging';
import { DataSource, In, IsNull, QueryFailedError } from 'typeorm';
import { AgencyApiKeyEntity } from './agency-api-key.entity';
import { AgencySigningSecrets } from './agency-signing-secrets';
import type { Agency, SigningAgency } from './agency';
import { AgencyEntity } from './agency.entity';

export interface NewApiKey {
  id: string;
  hash: string;
  prefix: string;
}

export interface KeyOwner {
  agencyId: string;
  agencyName: string;
  keyId: string;
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error as QueryFailedError & { code?: string }).code === '23505';
}

/** The channel of the api_keys_changed trigger (migration NotifyApiKeyChanges). */
export const API_KEYS_CHANGED_CHANNEL = 'sourcing_api_keys_changed';

@Injectable()
export class AgencyRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly secrets: AgencySigningSecrets,
  ) {}

  /** Agency (its signing secret sealed) and its first key in one transaction; `undefined` when the name is taken. */
  async create(agency: { id: string; name: string; signingSecret: string }, key: NewApiKey): Promise<{ agency: Agency; key: AgencyApiKeyEntity } | undefined> {
    const sealed = this.secrets.seal(agency.signingSecret, agency.id);
    const row = { id: agency.id, name: agency.name, signingSecretKeyId: sealed.keyId, signingSecretWrapped: sealed.wrapped };
    try {
      return await this.dataSource.transaction(async (tx) => {
        const saved = await tx.getRepository(AgencyEntity).save(tx.getRepository(AgencyEntity).create(row));
        const savedKey = await tx.getRepository(AgencyApiKeyEntity).save(this.keyEntity(agency.id, key));
        return { agency: toAgency(saved), key: savedKey };
      });
    } catch (error) {
      if (isUniqueViolation(error)) return undefined;
      throw error;
    }
  }

  async findById(id: string): Promise<Agency | null> {
    const row = await this.dataSource.getRepository(AgencyEntity).findOneBy({ id });
    return row && toAgency(row);
  }

  /** The agencies a consumed batch names, in one query, their signing secrets opened. */
  async findByIds(ids: readonly string[]): Promise<SigningAgency[]> {
    if (ids.length === 0) return [];
    const rows = await this.dataSource.getRepository(AgencyEntity).findBy({ id: In([...new Set(ids)]) });
    return rows.map((r) => ({ ...toAgency(r), signingSecret: this.secrets.open({ keyId: r.signingSecretKeyId, wrapped: r.signingSecretWrapped }, r.id) }));
  }

  async list(): Promise<Agency[]> {
    return (await this.dataSource.getRepository(AgencyEntity).find({ order: { createdAt: 'ASC', name: 'ASC' } })).map(toAgency);
  }

  listKeys(agencyId: string): Promise<AgencyApiKeyEntity[]> {
    return this.dataSource.getRepository(AgencyApiKeyEntity).find({ where: { agencyId }, order: { createdAt: 'ASC' } });
  }

  insertKey(agencyId: string, key: NewApiKey): Promise<AgencyApiKeyEntity> {
    return this.dataSource.getRepository(AgencyApiKeyEntity).save(this.keyEntity(agencyId, key));
  }

  /** Revokes every active key of the agency and adds the new one, atomically. */
  replaceKeys(agencyId: string, key: NewApiKey, now: Date): Promise<AgencyApiKeyEntity> {
    return this.dataSource.transaction(async (tx) => {
      await tx.getRepository(AgencyApiKeyEntity).update({ agencyId, revokedAt: IsNull() }, { revokedAt: now });
      return tx.getRepository(AgencyApiKeyEntity).save(this.keyEntity(agencyId, key));
    });
  }

  /** False when the agency has no such key; revoking twice keeps the first revocation time. */
  async revokeKey(agencyId: string, keyId: string, now: Date): Promise<boolean> {
    const keys = this.dataSource.getRepository(AgencyApiKeyEntity);
    const key = await keys.findOneBy({ id: keyId, agencyId });
    if (!key) return false;
    await keys.update({ id: keyId, agencyId, revokedAt: IsNull() }, { revokedAt: now });
    return true;
  }

  async updateSigningSecret(agencyId: string, secret: string): Promise<boolean> {
    const sealed = this.secrets.seal(secret, agencyId);
    const result = await this.dataSource.getRepository(AgencyEntity).update({ id: agencyId }, { signingSecretKeyId: sealed.keyId, signingSecretWrapped: sealed.wrapped });
    return (result.affected ?? 0) > 0;
  }

  /**
   * A LISTEN on the channel the api_keys_changed trigger NOTIFYs (migration
   * NotifyApiKeyChanges); onChange runs on every notification and after every
   * (re)connection, when notifications may have been missed.
   */
  keyChangesListener(onChange: () => void): { start(): Promise<void>; stop(): Promise<void> } {
    return new OutboxListener(this.dataSource, API_KEYS_CHANGED_CHANNEL, onChange, nestMessagingLogger());
  }

  async findActiveKeyOwner(hash: string): Promise<KeyOwner | undefined> {
    const rows: { agency_id: string; agency_name: string; key_id: string }[] = await this.dataSource.query(
      `SELECT k.id AS key_id, a.id AS agency_id, a.name AS agency_name
         FROM sourcing.agency_api_keys k JOIN sourcing.agencies a ON a.id = k.agency_id
        WHERE k.key_hash = $1 AND k.revoked_at IS NULL`,
      [hash],
    );
    const row = rows[0];
    return row ? { agencyId: row.agency_id, agencyName: row.agency_name, keyId: row.key_id } : undefined;
  }

  private keyEntity(agencyId: string, key: NewApiKey): AgencyApiKeyEntity {
    return this.dataSource.getRepository(AgencyApiKeyEntity).create({ id: key.id, agencyId, keyHash: key.hash, prefix: key.prefix, revokedAt: null });
  }
}

function toAgency(row: AgencyEntity): Agency {
  return { id: row.id, name: row.name, createdAt: row.createdAt };
}
