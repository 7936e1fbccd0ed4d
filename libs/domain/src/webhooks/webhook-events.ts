// What an agency can subscribe to. Names are part of the public webhook
// contract (docs/webhooks.md): add new ones, never rename.
export const WEBHOOK_EVENT_TYPES = [
  'submission.status-changed',
  'submission.duplicate',
  'submission.rejected',
  'submission.scored',
  'submission.dead-lettered',
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export function isWebhookEventType(value: string): value is WebhookEventType {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);
}
