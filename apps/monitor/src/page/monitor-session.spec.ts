import { isOpsToken, issueSession, readCookie, SESSION_COOKIE, sessionCookieHeader, verifySession } from './monitor-session';

const TOKEN = 'local-ops-token-change-me';
const now = new Date('2026-03-02T09:00:00Z');
const HOUR = 3_600_000;

describe('monitor page session cookie', () => {
  it('accepts a session it issued until it expires', () => {
    const { value, expiresAt } = issueSession(TOKEN, now, 12 * HOUR);
    expect(expiresAt.toISOString()).toBe('2026-03-02T21:00:00.000Z');
    expect(verifySession(TOKEN, value, now)).toBe(true);
    expect(verifySession(TOKEN, value, new Date(now.getTime() + 12 * HOUR))).toBe(false);
  });

  it('never contains the ops token and dies when the token is rotated', () => {
    const { value } = issueSession(TOKEN, now, HOUR);
    expect(value).not.toContain(TOKEN);
    expect(verifySession('another-ops-token-0001', value, now)).toBe(false);
  });

  it('rejects a forged expiry, garbage and a missing cookie', () => {
    const { value } = issueSession(TOKEN, now, HOUR);
    const [, mac] = value.split('.');
    expect(verifySession(TOKEN, `${Math.floor(now.getTime() / 1000) + 10 * 24 * 3600}.${mac}`, now)).toBe(false);
    expect(verifySession(TOKEN, 'not-a-session', now)).toBe(false);
    expect(verifySession(TOKEN, undefined, now)).toBe(false);
  });

  it('reads its cookie among others and writes it HttpOnly, SameSite=Strict', () => {
    expect(readCookie(`a=1; ${SESSION_COOKIE}=123.abc; b=2`, SESSION_COOKIE)).toBe('123.abc');
    expect(readCookie('a=1', SESSION_COOKIE)).toBeUndefined();
    expect(sessionCookieHeader('v', 3600, false)).toBe(`${SESSION_COOKIE}=v; Path=/; HttpOnly; SameSite=Strict; Max-Age=3600`);
    expect(sessionCookieHeader('v', 3600, true)).toMatch(/; Secure$/);
  });

  it('compares the ops token exactly', () => {
    expect(isOpsToken(TOKEN, TOKEN)).toBe(true);
    expect(isOpsToken(TOKEN, `${TOKEN}x`)).toBe(false);
    expect(isOpsToken(TOKEN, undefined)).toBe(false);
  });
});
