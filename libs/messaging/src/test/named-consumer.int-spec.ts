// A topic whose handler names a consumer runs in a fetch loop of its own: its
// events are applied while a batch of the main consumer is still in hand
// (kafkajs fetches a member's partitions together and fetches again only when
// every batch is handled). The inbox stays the service's group.
import { Injectable, type INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { logLevel } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { entityManagerOf, type Tx } from '@hiring/platform/tx';
import { ConsumeEvents, ConsumerLag, MessagingHost, MessagingModule, consumerGroupId, messagingMigrations, type ConsumedEvent } from '../index';
import {
  createTopics,
  DATABASE_URL,
  deleteTopics,
  dropSchema,
  kafka,
  KAFKA_BROKERS,
  openDataSource,
  prepareSchema,
  produce,
  quietLogger,
  testDecode,
  testEvent,
  TEST_TYPE,
  uniqueName,
  waitFor,
  type TestPayload,
} from './int-harness';

const mainTopic = uniqueName('it.named.main');
const sideTopic = uniqueName('it.named.side');
const schema = uniqueName('named');

/** Opened by the test: the main consumer's handler waits on it with its batch in hand. */
let release: () => void = () => undefined;
let entered = false;

async function recordEffects(tx: Tx, events: ConsumedEvent<TestPayload>[]): Promise<void> {
  await entityManagerOf(tx).query(
    `INSERT INTO "${schema}".effects (event_id, key, seq, partition) SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::int[])`,
    [events.map((e) => e.id), events.map((e) => e.data.key), events.map((e) => e.data.seq), events.map((e) => e.partition)],
  );
}

@Injectable()
class Handlers {
  @ConsumeEvents({ topic: mainTopic, types: [TEST_TYPE] })
  async slow(events: ConsumedEvent<TestPayload>[], tx: Tx): Promise<void> {
    entered = true;
    await new Promise<void>((resolve) => (release = resolve));
    await recordEffects(tx, events);
  }

  @ConsumeEvents({ topic: sideTopic, types: [TEST_TYPE], consumer: 'side' })
  async side(events: ConsumedEvent<TestPayload>[], tx: Tx): Promise<void> {
    await recordEffects(tx, events);
  }
}

describe('a named consumer (@ConsumeEvents consumer)', () => {
  const k = kafka();
  const groupId = uniqueName('grp');
  let ds: DataSource;
  let app: INestApplicationContext | undefined;

  const applied = async (eventId: string): Promise<number> =>
    Number((await ds.query(`SELECT count(*)::int AS n FROM "${schema}".effects WHERE event_id = $1`, [eventId]))[0].n);

  beforeAll(async () => {
    await createTopics(k, [{ topic: mainTopic, partitions: 1 }, { topic: sideTopic, partitions: 1 }]);
    ds = await openDataSource(schema);
    await prepareSchema(ds, schema);
    const moduleRef = await Test.createTestingModule({
      imports: [
        TypeOrmModule.forRoot({ type: 'postgres', url: DATABASE_URL, migrations: [...messagingMigrations(schema)], migrationsTableName: `${schema}_migrations`, migrationsRun: true, synchronize: false }),
        MessagingModule.forRootAsync({
          useFactory: () => ({
            clientId: 'it-named',
            groupId,
            brokers: KAFKA_BROKERS,
            schema,
            source: 'hiring/test',
            kafka: { logLevel: logLevel.NOTHING },
            decode: testDecode,
            resolveTopic: () => ({ topic: mainTopic, key: null }),
            logger: quietLogger,
            relay: { enabled: false },
            consumer: { autoCommitInterval: 200, heartbeatInterval: 1_000 },
          }),
        }),
      ],
      providers: [Handlers],
    }).compile();
    app = moduleRef;
    await app.init();
    await app.get(MessagingHost).whenStarted();
  });

  afterAll(async () => {
    release();
    await app?.close();
    await dropSchema(ds, schema);
    await ds.destroy();
    await deleteTopics(k, [mainTopic, sideTopic]);
  });

  it('applies its events while the main consumer holds a batch, once each, in the service inbox', async () => {
    await produce(k, mainTopic, [{ key: 'a', value: testEvent({ key: 'a', seq: 1 }, 'main-1') }]);
    await waitFor('main handler holds its batch', async () => entered);

    // Produced after the main consumer's fetch returned: in one consumer it would wait for that batch.
    await produce(k, sideTopic, [{ key: 'b', value: testEvent({ key: 'b', seq: 1 }, 'side-1') }]);
    await waitFor('side event applied', async () => (await applied('side-1')) === 1, { timeoutMs: 15_000 });
    expect(await applied('main-1')).toBe(0);

    release();
    await waitFor('main event applied', async () => (await applied('main-1')) === 1);

    // Both consumers claim in the service's inbox; the side topic's offsets are its own group's.
    const inbox: Array<{ consumer_group: string; event_id: string }> = await ds.query(`SELECT consumer_group, event_id FROM "${schema}".inbox ORDER BY event_id`);
    expect(inbox.map((r) => r.consumer_group)).toEqual([groupId, groupId]);
    const sideGroup = consumerGroupId(groupId, 'side');
    await waitFor('side group committed', async () => (await new ConsumerLag(k).total(sideGroup, [sideTopic])) === 0, { timeoutMs: 10_000 });

    // A redelivered event is skipped by the inbox, whichever consumer reads it.
    await produce(k, sideTopic, [{ key: 'b', value: testEvent({ key: 'b', seq: 1 }, 'side-1') }, { key: 'b', value: testEvent({ key: 'b', seq: 2 }, 'side-2') }]);
    await waitFor('next side event applied', async () => (await applied('side-2')) === 1);
    expect(await applied('side-1')).toBe(1);
  });
});
