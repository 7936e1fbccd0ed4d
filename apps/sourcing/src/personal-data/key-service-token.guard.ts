// The key lookup hands out data keys, so it has a credential of its own
// (KEY_SERVICE_TOKEN), held only by the services that open sealed events. The
// ops token does not open it (ops people read personal data through routes
// that open it server side, never raw keys), and this token opens no ops route.
import { Injectable } from '@nestjs/common';
import { AuthFailureThrottle, BearerTokenGuard } from '@hiring/platform';
import { SourcingConfig } from '../sourcing.config';

@Injectable()
export class KeyServiceTokenGuard extends BearerTokenGuard {
  constructor(
    private readonly config: SourcingConfig,
    failures: AuthFailureThrottle,
  ) {
    super(failures);
  }

  protected expectedToken(): string {
    return this.config.KEY_SERVICE_TOKEN;
  }

  protected refusal(): string {
    return 'The key lookup needs the key service token: Authorization: Bearer <KEY_SERVICE_TOKEN> (the ops token does not open it).';
  }
}
