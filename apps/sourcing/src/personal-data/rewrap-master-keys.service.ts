// Master key rotation, step 2 (docs/sourcing.md#personal-data-keys-crypto-shredding):
// re-wrap what older master keys wrap under the current one, one batch per
// call, each batch its own transaction. Resumable by construction: a batch
// takes whatever is still wrapped by an older key, so a run that stops (or
// several callers at once) just continues. Data keys themselves never change,
// so nothing sealed with them has to be rewritten.
import { Injectable } from '@nestjs/common';
import { MasterKeyRing, type Tx } from '@hiring/platform';
import { AgencySigningSecrets } from '../agencies/agency-signing-secrets';
import { SourcingException, SourcingExceptionCode } from '../shared/sourcing.exception';
import { WebhookSecrets } from '../webhooks/webhook-secrets';
import { MasterKeyUsageRepository, type MasterKeyUsage } from './master-key-usage.repository';

export interface WrappedCounts {
  dataKeys: number;
  webhookSecrets: number;
  signingSecrets: number;
}

export interface MasterKeyStatus {
  currentKeyId: string;
  configuredKeyIds: string[];
  /** Stored values per master key id. */
  dataKeysByKeyId: Record<string, number>;
  webhookSecretsByKeyId: Record<string, number>;
  signingSecretsByKeyId: Record<string, number>;
  /** Still wrapped by an older key: the old key may be dropped when all are 0. */
  remaining: WrappedCounts;
}

export interface RewrapOutcome extends MasterKeyStatus {
  rewrapped: WrappedCounts;
}

@Injectable()
export class RewrapMasterKeysService {
  constructor(
    private readonly ring: MasterKeyRing,
    private readonly usage: MasterKeyUsageRepository,
    private readonly webhookSecrets: WebhookSecrets,
    private readonly signingSecrets: AgencySigningSecrets,
  ) {}

  async status(): Promise<MasterKeyStatus> {
    return this.describe(await this.usage.usage());
  }

  /** Re-wraps up to `limit` data keys, `limit` webhook endpoints' secrets and `limit` agencies' signing secrets in one transaction. */
  rewrapBatch(limit: number): Promise<RewrapOutcome> {
    return this.usage.transaction(async (tx) => {
      this.refuseUnconfigured(await this.usage.usage(tx));
      const older = this.ring.ids.slice(1);
      const rewrapped = older.length === 0 ? { dataKeys: 0, webhookSecrets: 0, signingSecrets: 0 } : await this.rewrapOlder(tx, older, limit);
      return { ...this.describe(await this.usage.usage(tx)), rewrapped };
    });
  }

  private async rewrapOlder(tx: Tx, older: string[], limit: number): Promise<WrappedCounts> {
    const keys = await this.usage.claimDataKeys(tx, older, limit);
    await this.usage.saveDataKeys(tx, keys.map((k) => ({ candidateId: k.candidateId, ...this.ring.rewrap(k, k.candidateId) })));
    const endpoints = await this.usage.claimWebhookSecrets(tx, older, limit);
    await this.usage.saveWebhookSecrets(
      tx,
      endpoints.map((e) => ({
        endpointId: e.endpointId,
        secret: this.webhookSecrets.rewrap(e.secret, e.endpointId),
        previous: e.previous && this.webhookSecrets.rewrap(e.previous, e.endpointId),
      })),
    );
    const secretsMoved = endpoints.flatMap((e) => [e.secret, ...(e.previous ? [e.previous] : [])]).filter((s) => s.masterKeyId !== this.ring.currentId).length;
    const agencies = await this.usage.claimSigningSecrets(tx, older, limit);
    await this.usage.saveSigningSecrets(tx, agencies.map((a) => ({ agencyId: a.agencyId, ...this.signingSecrets.rewrap(a, a.agencyId) })));
    return { dataKeys: keys.length, webhookSecrets: secretsMoved, signingSecrets: agencies.length };
  }

  /** Values wrapped by a key that is not configured cannot be opened, so they cannot be re-wrapped either: say which key is missing. */
  private refuseUnconfigured(usage: MasterKeyUsage): void {
    const configured = new Set(this.ring.ids);
    const missing = new Map<string, number>();
    for (const counts of [usage.dataKeys, usage.webhookSecrets, usage.signingSecrets]) {
      for (const [id, n] of counts) if (!configured.has(id)) missing.set(id, (missing.get(id) ?? 0) + n);
    }
    if (missing.size === 0) return;
    const list = [...missing].map(([id, n]) => `"${id}" (${n})`).join(', ');
    throw new SourcingException(
      SourcingExceptionCode.MASTER_KEY_MISSING,
      `Stored keys or secrets are wrapped by master keys that are not configured: ${list}. Put them back in PERSONAL_DATA_MASTER_KEYS (after the current key) and run the re-wrap again.`,
      [...missing.keys()].map((id) => ({ path: 'PERSONAL_DATA_MASTER_KEYS', message: `master key "${id}" is missing` })),
    );
  }

  private describe(usage: MasterKeyUsage): MasterKeyStatus {
    const current = this.ring.currentId;
    const olderThanCurrent = (counts: Map<string, number>) => [...counts].reduce((sum, [id, n]) => (id === current ? sum : sum + n), 0);
    return {
      currentKeyId: current,
      configuredKeyIds: this.ring.ids,
      dataKeysByKeyId: Object.fromEntries(usage.dataKeys),
      webhookSecretsByKeyId: Object.fromEntries(usage.webhookSecrets),
      signingSecretsByKeyId: Object.fromEntries(usage.signingSecrets),
      remaining: {
        dataKeys: olderThanCurrent(usage.dataKeys),
        webhookSecrets: olderThanCurrent(usage.webhookSecrets),
        signingSecrets: olderThanCurrent(usage.signingSecrets),
      },
    };
  }
}
