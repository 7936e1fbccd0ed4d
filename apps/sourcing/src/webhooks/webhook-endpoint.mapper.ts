import type { DeliveryAttempt } from './webhook-log.repository';
import type { WebhookEndpoint } from './webhook-endpoint.repository';
import type { DeliveryAttemptResponse, WebhookEndpointResponse } from './webhook.dto';

export function toWebhookEndpointResponse(e: WebhookEndpoint, now: Date): WebhookEndpointResponse {
  return {
    id: e.id,
    agencyId: e.agencyId,
    url: e.url,
    eventTypes: e.eventTypes,
    status: e.status,
    consecutiveFailures: e.consecutiveFailures,
    disabledAt: e.disabledAt?.toISOString() ?? null,
    disabledReason: e.disabledReason,
    previousSecretValidUntil: e.previousSecretUntil && e.previousSecretUntil > now ? e.previousSecretUntil.toISOString() : null,
    createdAt: e.createdAt.toISOString(),
  };
}

export function toDeliveryAttemptResponse(a: DeliveryAttempt): DeliveryAttemptResponse {
  return { ...a, attemptedAt: a.attemptedAt.toISOString() };
}
