// Webhook secrets sign what we send to an agency's endpoint, so they are
// stored sealed (shared/sealed-secrets.ts), bound to their endpoint.
import { randomBytes } from 'node:crypto';
import type { MasterKeyRing } from '@hiring/platform';
import { SealedSecrets } from '../shared/sealed-secrets';

export type { SealedSecret } from '../shared/sealed-secrets';

export const WEBHOOK_SECRET_PREFIX = 'whsec_';

export class WebhookSecrets extends SealedSecrets {
  constructor(ring: MasterKeyRing) {
    super(ring, 'webhook-secret');
  }

  /** 32 random bytes; shown to the agency once. */
  generate(): string {
    return WEBHOOK_SECRET_PREFIX + randomBytes(32).toString('base64url');
  }
}
