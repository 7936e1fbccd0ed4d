import { Clock } from '@hiring/platform';
import type { MonitorConfig } from '../monitor.config';
import { SESSION_COOKIE } from './monitor-session';
import { MonitorSessionsService } from './monitor-sessions.service';

const TOKEN = 'local-ops-token-change-me';

class StoppedClock extends Clock {
  constructor(public at: Date) {
    super();
  }
  now(): Date {
    return this.at;
  }
}

describe('MonitorSessionsService', () => {
  const clock = new StoppedClock(new Date('2026-03-02T09:00:00Z'));
  const sessions = new MonitorSessionsService({ OPS_TOKEN: TOKEN, MONITOR_SESSION_TTL_HOURS: 2 } as MonitorConfig, clock);
  const cookie = (value: string) => `other=1; ${SESSION_COOKIE}=${value}`;

  it('exchanges the ops token, and only it, for a session that lasts the configured hours', () => {
    expect(sessions.exchange('not-the-token')).toBeUndefined();
    expect(sessions.exchange(undefined)).toBeUndefined();
    const session = sessions.exchange(TOKEN);
    expect(session?.maxAgeSec).toBe(7200);
    expect(sessions.hasSession(cookie(session!.value))).toBe(true);
    clock.at = new Date('2026-03-02T11:00:00Z');
    expect(sessions.hasSession(cookie(session!.value))).toBe(false);
  });

  it('admits the bearer token or a live session, nothing else', () => {
    expect(sessions.admits({ bearerToken: TOKEN })).toBe(true);
    expect(sessions.admits({ cookieHeader: cookie(sessions.issue().value) })).toBe(true);
    expect(sessions.admits({ bearerToken: 'nope', cookieHeader: cookie('123.abc') })).toBe(false);
    expect(sessions.admits({})).toBe(false);
  });
});
