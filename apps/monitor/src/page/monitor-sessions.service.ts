// Who may read the monitor: the holder of the ops token, or a browser with a
// session issued in exchange for it (monitor-session.ts says why a cookie).
import { Injectable } from '@nestjs/common';
import { Clock } from '@hiring/platform';
import { MonitorConfig } from '../monitor.config';
import { isOpsToken, issueSession, readCookie, SESSION_COOKIE, verifySession } from './monitor-session';

export interface IssuedSession {
  value: string;
  maxAgeSec: number;
}

/** What a request presents: either may be missing. */
export interface MonitorCredentials {
  bearerToken?: string;
  cookieHeader?: string;
}

@Injectable()
export class MonitorSessionsService {
  constructor(
    private readonly config: MonitorConfig,
    private readonly clock: Clock,
  ) {}

  /** A new session for a caller already known to hold the ops token. */
  issue(): IssuedSession {
    const ttlMs = this.config.MONITOR_SESSION_TTL_HOURS * 3_600_000;
    return { value: issueSession(this.config.OPS_TOKEN, this.clock.now(), ttlMs).value, maxAgeSec: ttlMs / 1000 };
  }

  /** The ops token for a session; undefined when it is not the ops token. */
  exchange(presentedToken: string | undefined): IssuedSession | undefined {
    return isOpsToken(this.config.OPS_TOKEN, presentedToken) ? this.issue() : undefined;
  }

  /** The page: a live session cookie only (the token in a URL is exchanged, never kept). */
  hasSession(cookieHeader: string | undefined): boolean {
    return verifySession(this.config.OPS_TOKEN, readCookie(cookieHeader, SESSION_COOKIE), this.clock.now());
  }

  /** What a browser reads without headers, and scripts with the bearer token: either credential. */
  admits(credentials: MonitorCredentials): boolean {
    return isOpsToken(this.config.OPS_TOKEN, credentials.bearerToken) || this.hasSession(credentials.cookieHeader);
  }
}
