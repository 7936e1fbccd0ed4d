import { createHmac } from 'node:crypto';
import { signWebhookPayload, verifyWebhookSignature, webhookSignatureHeader } from './webhook-signature';

const body = '{"id":"7c9e6679-7425-40de-944b-e07fc1f90ae7","type":"submission.scored"}';
const t = 1796301700;

describe('webhook signatures', () => {
  it('is HMAC-SHA256 over "<timestamp>.<raw body>" in hex', () => {
    const expected = createHmac('sha256', 'whsec_test').update(`${t}.${body}`).digest('hex');
    expect(signWebhookPayload('whsec_test', t, body)).toBe(expected);
    expect(webhookSignatureHeader(['whsec_test'], t, body)).toBe(`t=${t},v1=${expected}`);
  });

  it('verifies with either secret during a rotation', () => {
    const header = webhookSignatureHeader(['new-secret', 'old-secret'], t, body);
    expect(verifyWebhookSignature(header, body, 'new-secret', t)).toEqual({ ok: true });
    expect(verifyWebhookSignature(header, body, 'old-secret', t)).toEqual({ ok: true });
    expect(verifyWebhookSignature(header, body, 'other', t)).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('refuses a changed body, a stale timestamp and a malformed header', () => {
    const header = webhookSignatureHeader(['s'], t, body);
    expect(verifyWebhookSignature(header, body.replace('scored', 'rejected'), 's', t).ok).toBe(false);
    expect(verifyWebhookSignature(header, body, 's', t + 301)).toEqual({ ok: false, reason: 'stale' });
    expect(verifyWebhookSignature('v1=abc', body, 's', t)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyWebhookSignature(undefined, body, 's', t)).toEqual({ ok: false, reason: 'malformed' });
  });
});
