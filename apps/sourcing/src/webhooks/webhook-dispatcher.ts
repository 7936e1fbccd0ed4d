// Sends queued webhook deliveries: claim a batch (SKIP LOCKED, so instances
// share the work), sign and send them in parallel, record every attempt in
// one transaction, and decide retries with the domain's delivery policy.
// Runs in every sourcing instance unless WEBHOOK_DISPATCHER_ENABLED=false.
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { WEBHOOK_EVENT_ID_HEADER, WEBHOOK_EVENT_TYPE_HEADER, WEBHOOK_SIGNATURE_HEADER, webhookSignatureHeader } from '@hiring/contracts';
import { judgeAttempt, type DeliveryPolicy } from '@hiring/domain';
import { Clock } from '@hiring/platform';
import { SourcingConfig } from '../sourcing.config';
import { WebhookDeliveryRepository, type AttemptRecord, type ClaimedDelivery, type EndpointFailures } from './webhook-delivery.repository';
import { WebhookMetrics } from './webhook.metrics';
import { WebhookSecrets } from './webhook-secrets';
import { WebhookSender } from './webhook-sender';

const PURGE_EVERY_MS = 3_600_000;

@Injectable()
export class WebhookDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('WebhookDispatcher');
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private lastPurge = 0;
  private readonly policy: DeliveryPolicy;

  constructor(
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly sender: WebhookSender,
    private readonly secrets: WebhookSecrets,
    private readonly metrics: WebhookMetrics,
    private readonly config: SourcingConfig,
    private readonly clock: Clock,
  ) {
    this.policy = { backoffBaseMs: config.WEBHOOK_BACKOFF_BASE_MS, backoffMaxMs: config.WEBHOOK_BACKOFF_MAX_MS, retryWindowMs: config.WEBHOOK_RETRY_WINDOW_MS };
  }

  onApplicationBootstrap(): void {
    if (this.config.WEBHOOK_DISPATCHER_ENABLED !== 'true') return;
    this.running = true;
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      let claimed = 0;
      try {
        claimed = await this.dispatchOnce();
        await this.purgeIfDue();
      } catch (error) {
        this.logger.error(`webhook dispatch failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      // A full batch means more is due: go on at once; otherwise poll again after the interval.
      if (claimed < this.config.WEBHOOK_BATCH_SIZE && this.running) await this.pause(this.config.WEBHOOK_POLL_INTERVAL_MS);
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  /** One round; returns how many deliveries were attempted. */
  async dispatchOnce(): Promise<number> {
    const now = this.clock.now();
    const leaseUntil = new Date(now.getTime() + this.config.WEBHOOK_TIMEOUT_MS + 30_000);
    const batch = await this.deliveries.claim(now, this.config.WEBHOOK_BATCH_SIZE, leaseUntil);
    if (batch.length === 0) return 0;
    const attempts = await Promise.all(batch.map((d) => this.attempt(d)));
    const disabled = await this.deliveries.record(attempts, failuresByEndpoint(attempts), this.config.WEBHOOK_DISABLE_AFTER_FAILURES, this.clock.now());
    for (const a of attempts) {
      this.metrics.attempts.inc({ outcome: a.outcome });
      this.metrics.latency.observe(a.latencyMs / 1000);
    }
    for (const id of disabled) {
      this.metrics.disabledNow.inc();
      this.logger.warn(`webhook endpoint ${id} disabled after ${this.config.WEBHOOK_DISABLE_AFTER_FAILURES} consecutive failed attempts`);
    }
    return batch.length;
  }

  private async attempt(delivery: ClaimedDelivery): Promise<AttemptRecord> {
    const attemptedAt = this.clock.now();
    const secrets = [this.secrets.open(delivery.secret, delivery.endpointId)];
    if (delivery.previousSecret) secrets.push(this.secrets.open(delivery.previousSecret, delivery.endpointId));
    const timestamp = Math.floor(attemptedAt.getTime() / 1000);
    const headers = {
      [WEBHOOK_SIGNATURE_HEADER]: webhookSignatureHeader(secrets, timestamp, delivery.body),
      [WEBHOOK_EVENT_ID_HEADER]: delivery.eventId,
      [WEBHOOK_EVENT_TYPE_HEADER]: delivery.eventType,
    };
    const sent = await this.sender.send(delivery.url, headers, delivery.body);
    const verdict = sent.blocked ? ({ kind: 'refused' } as const) : judgeAttempt(sent.result, delivery.attempt, delivery.firstAttemptAt, this.clock.now(), this.policy, Math.random());
    return {
      delivery,
      attemptedAt,
      statusCode: sent.result.kind === 'response' ? sent.result.status : null,
      latencyMs: sent.latencyMs,
      outcome: verdict.kind,
      error: sent.error,
      nextAttemptAt: verdict.kind === 'retry' ? verdict.at : null,
    };
  }

  private async purgeIfDue(): Promise<void> {
    const now = this.clock.now().getTime();
    if (now - this.lastPurge < PURGE_EVERY_MS) return;
    this.lastPurge = now;
    const purged = await this.deliveries.purge(new Date(now - this.config.WEBHOOK_LOG_RETENTION_DAYS * 86_400_000));
    if (purged.attempts + purged.deliveries > 0) this.logger.log(`webhook log purge: ${purged.attempts} attempt(s), ${purged.deliveries} finished deliveries`);
  }
}

/** Consecutive failures per endpoint from a batch, in the order the attempts finished. */
export function failuresByEndpoint(attempts: readonly AttemptRecord[]): EndpointFailures[] {
  const byEndpoint = new Map<string, EndpointFailures>();
  const ordered = [...attempts].sort((a, b) => a.attemptedAt.getTime() + a.latencyMs - (b.attemptedAt.getTime() + b.latencyMs));
  for (const a of ordered) {
    const f = byEndpoint.get(a.delivery.endpointId) ?? { endpointId: a.delivery.endpointId, reset: false, failures: 0, lastError: null };
    if (a.outcome === 'delivered') {
      f.reset = true;
      f.failures = 0;
    } else {
      f.failures += 1;
      f.lastError = a.error ?? (a.statusCode !== null ? `HTTP ${a.statusCode}` : null);
    }
    byEndpoint.set(a.delivery.endpointId, f);
  }
  return [...byEndpoint.values()];
}
