// One HTTP attempt with Node's own fetch (undici): a hard timeout through
// AbortSignal, redirects not followed (a redirect to an internal address
// would undo the URL check), the response body discarded unread.
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { Injectable } from '@nestjs/common';
import { isPrivateAddress, parseRetryAfter, type AttemptResult } from '@hiring/domain';
import { Clock } from '@hiring/platform';
import { SourcingConfig } from '../sourcing.config';

export interface SendResult {
  result: AttemptResult;
  latencyMs: number;
  error: string | null;
  /** The URL resolved to a refused address: never retried. */
  blocked: boolean;
}

@Injectable()
export class WebhookSender {
  constructor(
    private readonly config: SourcingConfig,
    private readonly clock: Clock,
  ) {}

  async send(url: string, headers: Record<string, string>, body: string): Promise<SendResult> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    const blocked = await this.refusedAddress(url);
    if (blocked) return { result: { kind: 'no-response', timedOut: false }, latencyMs: elapsed(), error: blocked, blocked: true };
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'hiring-webhooks/1', ...headers },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.config.WEBHOOK_TIMEOUT_MS),
      });
      await response.body?.cancel().catch(() => undefined);
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), this.clock.now());
      return {
        result: { kind: 'response', status: response.status, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) },
        latencyMs: elapsed(),
        error: response.ok ? null : `HTTP ${response.status}`,
        blocked: false,
      };
    } catch (error) {
      const timedOut = error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError');
      const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
      const message = timedOut ? `timed out after ${this.config.WEBHOOK_TIMEOUT_MS} ms` : `${error instanceof Error ? error.message : String(error)}${cause}`;
      return { result: { kind: 'no-response', timedOut }, latencyMs: elapsed(), error: message.slice(0, 500), blocked: false };
    }
  }

  /**
   * A host name checked at registration may resolve to a private address
   * later; look again before each attempt. (A resolver answering differently
   * between this lookup and fetch's own is not covered: that needs a pinned
   * connection, see docs/webhooks.md.)
   */
  private async refusedAddress(url: string): Promise<string | null> {
    if (this.config.WEBHOOK_ALLOW_PRIVATE_ADDRESSES === 'true') return null;
    const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
    try {
      const addresses = isIP(host) ? [{ address: host }] : await lookup(host, { all: true });
      const refused = addresses.find((a) => isPrivateAddress(a.address));
      return refused ? `${host} resolves to a refused address (${refused.address})` : null;
    } catch {
      // Not resolvable now: fetch fails the same way, and the attempt is retried later.
      return null;
    }
  }
}
