// The relay's low-latency wake-up: a dedicated pg connection LISTENing on the
// outbox trigger's channel. A lost connection is re-established in the
// background; meanwhile the relay's safety poll covers the gap. Exported for
// other LISTENers too (sourcing's API key cache), hence the channel in the logs.
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { backoffDelay, DEFAULT_RETRY_POLICY, errorMessage } from '../failure-policy';
import { pgClientConfig } from '../pg-connection';
import { delay, type MessagingLogger } from '../util';

export class OutboxListener {
  private client: Client | undefined;
  private running = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly channel: string,
    /** Called on every notification, and after (re)connecting: rows committed meanwhile are waiting. */
    private readonly onNotify: () => void,
    private readonly logger: MessagingLogger,
  ) {}

  /** Listens now if it can, otherwise keeps trying in the background. */
  async start(): Promise<void> {
    this.running = true;
    try {
      await this.connect();
    } catch (err) {
      this.logger.warn('LISTEN failed, retrying in background', { channel: this.channel, error: errorMessage(err) });
      void this.reconnect();
    }
  }

  async stop(): Promise<void> {
    this.running = false;
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client(pgClientConfig(this.dataSource));
    const lost = (): void => {
      if (this.client !== client) return;
      this.client = undefined;
      client.removeAllListeners();
      client.end().catch(() => undefined);
      void this.reconnect();
    };
    client.on('notification', () => this.onNotify());
    client.on('error', lost);
    client.on('end', lost);
    try {
      await client.connect();
      await client.query(`LISTEN "${this.channel}"`);
      this.client = client;
      this.onNotify();
    } catch (err) {
      client.removeAllListeners();
      await client.end().catch(() => undefined);
      throw err;
    }
  }

  private async reconnect(): Promise<void> {
    for (let attempt = 1; this.running && !this.client; attempt++) {
      await delay(backoffDelay({ ...DEFAULT_RETRY_POLICY, maxDelayMs: 10_000 }, attempt));
      if (!this.running) return;
      try {
        await this.connect();
      } catch (err) {
        this.logger.warn('LISTEN reconnect failed', { channel: this.channel, error: errorMessage(err) });
      }
    }
  }
}
