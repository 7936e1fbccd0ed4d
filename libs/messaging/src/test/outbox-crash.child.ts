// Child process for the outbox crash test: commits an effect and its outbox
// row in one transaction, then starts a relay that is SIGKILLed after claiming
// the row and before publishing it.
import { Outbox, OutboxRelay } from '../index';
import { asTx } from '@hiring/platform/tx';
import { kafka, openDataSource, quietLogger } from './int-harness';

async function main(): Promise<void> {
  const schema = process.env['CRASH_SCHEMA'] ?? '';
  const topic = process.env['CRASH_TOPIC'] ?? '';
  const eventId = process.env['CRASH_EVENT_ID'] ?? '';
  const ds = await openDataSource(schema);
  const outbox = new Outbox(schema, () => ({ topic, key: 'cand-1' }));
  await ds.transaction(async (tx) => {
    await tx.query(`INSERT INTO "${schema}".effects (event_id, key, seq, partition) VALUES ($1, 'cand-1', 1, 0)`, [eventId]);
    await outbox.enqueue(asTx(tx), [
      { specversion: '1.0', id: eventId, type: 'test.thing-happened.v1', source: 'hiring/test', subject: 'cand-1', data: { key: 'cand-1', seq: 1 } },
    ]);
  });
  process.stdout.write('committed\n');
  const relay = new OutboxRelay(kafka(), ds, {
    schema,
    logger: quietLogger,
    beforePublish: () => {
      process.stdout.write('claimed\n');
      process.kill(process.pid, 'SIGKILL');
    },
  });
  await relay.start();
}

main().catch((err) => {
  console.error(err);
  process.exit(2);
});
