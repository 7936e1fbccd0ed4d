// Secrets we must be able to read back (we sign or verify with them) cannot be
// hashed like API keys: they are encrypted with the personal-data master key
// ring (AES-256-GCM, "<purpose>:<owner id>" as authenticated data, so a value
// copied to another row or purpose does not open), and master key rotation
// re-wraps them like the candidates' data keys (docs/sourcing.md).
import type { MasterKeyRing, WrappedDataKey } from '@hiring/platform';

export interface SealedSecret {
  keyId: string;
  wrapped: Buffer;
}

export class SealedSecrets {
  constructor(
    private readonly ring: MasterKeyRing,
    /** What the secret is for, e.g. `webhook-secret`: part of the authenticated data. */
    private readonly purpose: string,
  ) {}

  seal(secret: string, ownerId: string): SealedSecret {
    const { masterKeyId, wrapped } = this.ring.wrap(Buffer.from(secret, 'utf8'), this.context(ownerId));
    return { keyId: masterKeyId, wrapped };
  }

  /** The stored secret wrapped by the current master key instead (master key rotation). */
  rewrap(stored: WrappedDataKey, ownerId: string): WrappedDataKey {
    return this.ring.rewrap(stored, this.context(ownerId));
  }

  open(sealed: SealedSecret, ownerId: string): string {
    return this.ring.unwrap({ masterKeyId: sealed.keyId, wrapped: sealed.wrapped }, this.context(ownerId)).toString('utf8');
  }

  private context(ownerId: string): string {
    return `${this.purpose}:${ownerId}`;
  }
}
