import { randomBytes } from 'node:crypto';
import { ListCursorCodec, type CursorScope } from './list-cursor';
import { SourcingException } from './sourcing.exception';

const scope: CursorScope = { list: 'submissions', agencyId: '0b7c2f0e-2d0a-4b9c-9a57-3a1f0c6de001', filters: { status: 'sourced', requisitionId: undefined } };
const position = { at: '2026-12-03T12:00:00.123456Z', id: '5f1e1a52-7c3a-4d0e-8f51-2b1f4f0a9c10' };

describe('sourcing / list cursors', () => {
  const codec = new ListCursorCodec(randomBytes(32));

  it('round-trips a position for the same list, agency and filters', () => {
    expect(codec.decode(scope, codec.encode(scope, position))).toEqual(position);
  });

  it('refuses a cursor of another agency, list or filters, an altered one, and one signed with another key', () => {
    const cursor = codec.encode(scope, position);
    const refused = (s: CursorScope, c: string, with_ = codec) => () => with_.decode(s, c);
    expect(refused({ ...scope, agencyId: '0b7c2f0e-2d0a-4b9c-9a57-3a1f0c6de002' }, cursor)).toThrow(SourcingException);
    expect(refused({ ...scope, list: 'submission-rejections' }, cursor)).toThrow(SourcingException);
    expect(refused({ ...scope, filters: { status: 'scored', requisitionId: undefined } }, cursor)).toThrow(SourcingException);
    expect(refused(scope, cursor, new ListCursorCodec(randomBytes(32)))).toThrow(SourcingException);
    const [body, mac] = cursor.split('.');
    const forgedBody = Buffer.from(JSON.stringify({ v: 1, at: '2020-01-01T00:00:00.000000Z', id: position.id })).toString('base64url');
    for (const bad of [`${forgedBody}.${mac}`, `${body}.${mac}x`, `${body}`, `${body}.${mac}.x`, '', 'x'.repeat(2000)]) {
      expect(refused(scope, bad)).toThrow(/cursor is not valid/);
    }
  });

  it('the refusal is a 400 naming the cursor', () => {
    try {
      codec.decode(scope, 'nope');
      throw new Error('accepted');
    } catch (e) {
      expect((e as SourcingException).mapping.http.status).toBe(400);
      expect((e as SourcingException).errors[0]?.path).toBe('cursor');
    }
  });
});
