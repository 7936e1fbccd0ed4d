// The page and its event stream authenticate with a cookie, because
// EventSource cannot send an Authorization header. The cookie never holds the
// ops token itself: it holds an expiry and an HMAC of it keyed by the token,
// so it is useless against the other services, expires on its own, and every
// session ends when OPS_TOKEN is rotated. Pure functions: the clock is passed in.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = 'monitor_session';

function mac(opsToken: string, expiresAtSec: number): string {
  return createHmac('sha256', opsToken).update(`monitor-session:v1:${expiresAtSec}`).digest('base64url');
}

export function issueSession(opsToken: string, now: Date, ttlMs: number): { value: string; expiresAt: Date } {
  const expiresAtSec = Math.floor((now.getTime() + ttlMs) / 1000);
  return { value: `${expiresAtSec}.${mac(opsToken, expiresAtSec)}`, expiresAt: new Date(expiresAtSec * 1000) };
}

export function verifySession(opsToken: string, value: string | undefined, now: Date): boolean {
  if (!value) return false;
  const match = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(value);
  if (!match) return false;
  const expiresAtSec = Number(match[1]);
  if (expiresAtSec * 1000 <= now.getTime()) return false;
  const expected = Buffer.from(mac(opsToken, expiresAtSec));
  const given = Buffer.from(match[2]);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The value of one cookie from a Cookie header (no cookie-parser dependency for one name). */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

export function sessionCookieHeader(value: string, maxAgeSec: number, secure: boolean): string {
  const maxAge = Math.max(0, Math.floor(maxAgeSec));
  return `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${secure ? '; Secure' : ''}`;
}

/** Constant-time comparison of a presented ops token. */
export function isOpsToken(opsToken: string, presented: string | undefined): boolean {
  if (!presented) return false;
  const a = createHmac('sha256', 'ops-token-compare').update(opsToken).digest();
  const b = createHmac('sha256', 'ops-token-compare').update(presented).digest();
  return timingSafeEqual(a, b);
}
