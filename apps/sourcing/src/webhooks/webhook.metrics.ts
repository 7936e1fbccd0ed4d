import { Counter, Gauge, Histogram, register } from 'prom-client';

function getOrCreate<T>(name: string, create: () => T): T {
  return (register.getSingleMetric(name) as T | undefined) ?? create();
}

export interface WebhookHealthTotals {
  disabledEndpoints: number;
  pendingDeliveries: number;
}

// The gauges read the database when scraped; with several app instances in one
// process (tests) the most recent one answers.
let healthSource: (() => Promise<WebhookHealthTotals>) | undefined;

/** Webhook metrics on /metrics (docs/webhooks.md). */
export class WebhookMetrics {
  readonly attempts = getOrCreate('sourcing_webhook_attempts_total', () =>
    new Counter({ name: 'sourcing_webhook_attempts_total', help: 'Webhook delivery attempts by outcome (delivered, retry, refused, expired)', labelNames: ['outcome'] }),
  );
  readonly latency = getOrCreate('sourcing_webhook_attempt_duration_seconds', () =>
    new Histogram({ name: 'sourcing_webhook_attempt_duration_seconds', help: 'Time from request to response (or timeout) of a webhook attempt', buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] }),
  );
  readonly disabledNow = getOrCreate('sourcing_webhook_endpoints_disabled_total', () =>
    new Counter({ name: 'sourcing_webhook_endpoints_disabled_total', help: 'Endpoints disabled after repeated failed deliveries' }),
  );

  constructor(source: () => Promise<WebhookHealthTotals>) {
    healthSource = source;
    getOrCreate('sourcing_webhook_endpoints_disabled', () =>
      new Gauge({
        name: 'sourcing_webhook_endpoints_disabled',
        help: 'Webhook endpoints disabled now (deliveries wait until ops enable them)',
        async collect() {
          if (healthSource) this.set((await healthSource()).disabledEndpoints);
        },
      }),
    );
    getOrCreate('sourcing_webhook_deliveries_pending', () =>
      new Gauge({
        name: 'sourcing_webhook_deliveries_pending',
        help: 'Webhook deliveries not yet delivered or given up',
        async collect() {
          if (healthSource) this.set((await healthSource()).pendingDeliveries);
        },
      }),
    );
  }
}
