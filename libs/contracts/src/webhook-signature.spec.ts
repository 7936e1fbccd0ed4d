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

  it('gives the worked example of docs/webhooks.md, byte for byte', () => {
    const raw =
      '{"id":"3f6d2a8e-5b1c-4e7a-9c0d-8a1b2c3d4e5f","type":"submission.scored","createdAt":"2026-12-03T10:15:00.000Z","agencyId":"0b9e4c1a-7d2f-4a6b-8e3c-5f1a2b3c4d5e","data":{"submissionId":"6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d","externalId":"nw-2026-0042","requisitionId":"9f8e7d6c-5b4a-4c3d-8e2f-1a0b9c8d7e6f","score":82,"decision":"advance","scoredAt":"2026-12-03T10:15:00.000Z"}}';
    expect(Buffer.byteLength(raw)).toBe(377);
    expect(webhookSignatureHeader(['whsec_Q2hhbmdlTWVJbkEtUmVhbFNldHVwLTMyYnl0ZXNfXw', 'whsec_T2xkU2VjcmV0U3RpbGxWYWxpZER1cmluZ0dyYWNlXw'], 1796292900, raw)).toBe(
      't=1796292900,v1=9e304a8fc4a943eb945c3b8152f9ad9402adaacf23343912fb711413103fabce,v1=13b86a11232654c3ab18e613b80c0f4165d077cb33b710b449638a0bcdb2a160',
    );
  });
});
