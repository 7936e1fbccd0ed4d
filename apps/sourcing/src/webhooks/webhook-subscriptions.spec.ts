import { WebhookSubscriptions } from './webhook-outbox.repository';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';

describe('WebhookSubscriptions: which notices are worth building', () => {
  it('wants a type only for an agency with an endpoint that takes it', () => {
    const subs = WebhookSubscriptions.of([
      { agency_id: A, event_types: ['submission.scored'] },
      { agency_id: A, event_types: ['submission.rejected'] },
      { agency_id: B, event_types: ['submission.status-changed', 'submission.duplicate'] },
    ]);
    expect(subs.none).toBe(false);
    expect(subs.wants(A, 'submission.scored')).toBe(true);
    expect(subs.wants(A, 'submission.rejected')).toBe(true);
    expect(subs.wants(A, 'submission.status-changed')).toBe(false);
    expect(subs.wants(B, 'submission.duplicate')).toBe(true);
    expect(subs.wants(B, 'submission.scored')).toBe(false);
    expect(subs.wants('00000000-0000-4000-8000-00000000000c', 'submission.scored')).toBe(false);
  });

  it('without any endpoint wants nothing', () => {
    const none = WebhookSubscriptions.of([]);
    expect(none.none).toBe(true);
    expect(none.wants(A, 'submission.status-changed')).toBe(false);
    expect(WebhookSubscriptions.NONE.none).toBe(true);
  });
});
