// Webhook secrets must be readable by us (we sign with them), so they cannot
// be hashed like API keys: they are encrypted with the personal-data master
// key ring (AES-256-GCM, the endpoint id as authenticated data), and master
// key rotation covers them the same way (docs/sourcing.md).
import { randomBytes } from 'node:crypto';
import { MasterKeyRing, type WrappedDataKey } from '@hiring/platform';

export interface SealedSecret {
  keyId: string;
  wrapped: Buffer;
}

export const WEBHOOK_SECRET_PREFIX = 'whsec_';

export class WebhookSecrets {
  constructor(private readonly ring: MasterKeyRing) {}

  /** 32 random bytes; shown to the agency once. */
  generate(): string {
    return WEBHOOK_SECRET_PREFIX + randomBytes(32).toString('base64url');
  }

  seal(secret: string, endpointId: string): SealedSecret {
    const { masterKeyId, wrapped } = this.ring.wrap(Buffer.from(secret, 'utf8'), context(endpointId));
    return { keyId: masterKeyId, wrapped };
  }

  /** The stored secret wrapped by the current master key instead (master key rotation). */
  rewrap(stored: WrappedDataKey, endpointId: string): WrappedDataKey {
    return this.ring.rewrap(stored, context(endpointId));
  }

  open(sealed: SealedSecret, endpointId: string): string {
    return this.ring.unwrap({ masterKeyId: sealed.keyId, wrapped: sealed.wrapped }, context(endpointId)).toString('utf8');
  }
}

const context = (endpointId: string) => `webhook-secret:${endpointId}`;
