// The secret an agency signs its Kafka submissions with: we verify with it,
// so it is stored sealed (shared/sealed-secrets.ts), bound to its agency.
import type { MasterKeyRing } from '@hiring/platform';
import { SealedSecrets } from '../shared/sealed-secrets';

export class AgencySigningSecrets extends SealedSecrets {
  constructor(ring: MasterKeyRing) {
    super(ring, 'agency-signing-secret');
  }
}
