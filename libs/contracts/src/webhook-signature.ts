// How an agency knows a webhook came from us and was not replayed: each
// delivery carries `Hiring-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>]`,
// where every v1 is hex HMAC-SHA256(secret, `${t}.${rawBody}`). The raw body
// is signed as sent (not a canonical form): receivers must verify before
// parsing. During a secret rotation there are two v1 values, one per secret,
// and a receiver accepts the delivery if any of them verifies with the secret
// it holds. docs/webhooks.md has a worked example.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const WEBHOOK_SIGNATURE_HEADER = 'hiring-signature';
export const WEBHOOK_EVENT_ID_HEADER = 'hiring-event-id';
export const WEBHOOK_EVENT_TYPE_HEADER = 'hiring-event-type';
/** Receivers should refuse a timestamp further than this from their clock (replays). */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

export function signWebhookPayload(secret: string, timestamp: number, rawBody: string): string {
  if (secret.length === 0) throw new TypeError('signWebhookPayload: the secret is empty');
  return createHmac('sha256', secret).update(`${timestamp}.${rawBody}`, 'utf8').digest('hex');
}

/** The header value for one timestamp and every secret currently valid (current first). */
export function webhookSignatureHeader(secrets: readonly string[], timestamp: number, rawBody: string): string {
  return [`t=${timestamp}`, ...secrets.map((s) => `v1=${signWebhookPayload(s, timestamp, rawBody)}`)].join(',');
}

export interface WebhookSignatureCheck {
  ok: boolean;
  reason?: 'malformed' | 'stale' | 'mismatch';
}

/** Constant-time per signature; never throws on a bad header. */
export function verifyWebhookSignature(header: string | undefined, rawBody: string, secret: string, nowSeconds: number, toleranceSeconds = WEBHOOK_TOLERANCE_SECONDS): WebhookSignatureCheck {
  if (!header) return { ok: false, reason: 'malformed' };
  const parts = header.split(',').map((p) => p.trim());
  const t = parts.find((p) => p.startsWith('t='))?.slice(2);
  const signatures = parts.filter((p) => p.startsWith('v1=')).map((p) => p.slice(3));
  if (!t || !/^\d+$/.test(t) || signatures.length === 0) return { ok: false, reason: 'malformed' };
  const timestamp = Number(t);
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) return { ok: false, reason: 'stale' };
  const expected = Buffer.from(signWebhookPayload(secret, timestamp, rawBody), 'hex');
  const match = signatures.some((s) => /^[0-9a-f]{64}$/.test(s) && timingSafeEqual(expected, Buffer.from(s, 'hex')));
  return match ? { ok: true } : { ok: false, reason: 'mismatch' };
}
