// A topic moved to another named consumer changes Kafka group. The new group
// starts where the former one had committed (takeOver), not at the configured
// reset: from the beginning would apply the topic's history again (a topic
// without an inbox, or with the inbox of another group, has no other guard),
// from the end would skip what was published while no group read it.
import { ConsumerLag } from '../index';
import { consumerFixture, type ConsumerFixture } from './consumer-fixture';
import { countEffects, produce, testEvent, uniqueName, waitFor } from './int-harness';

describe('a group new to a topic takes over the former group\'s offsets', () => {
  let f: ConsumerFixture;
  const lagOf = (groupId: string): Promise<number> => new ConsumerLag(f.k).total(groupId, [f.topic]);
  const timesApplied = async (): Promise<Map<string, number>> => {
    const rows: Array<{ event_id: string; n: number }> = await f.ds.query(`SELECT event_id, count(*)::int AS n FROM "${f.schema}".effects GROUP BY event_id`);
    return new Map(rows.map((r) => [r.event_id, r.n]));
  };
  const events = (from: number, to: number) =>
    Array.from({ length: to - from + 1 }, (_, i) => ({ key: `k${(from + i) % 4}`, value: testEvent({ key: `k${(from + i) % 4}`, seq: from + i }, `e-${from + i}`) }));

  beforeAll(async () => {
    f = await consumerFixture(4);
  });
  afterAll(async () => f.cleanup());

  it('reads only what the former group had not committed, once; later starts keep the group\'s own offsets', async () => {
    const former = f.groupId;
    const moved = uniqueName('grp-moved');
    // The former consumer applies and commits events 1-20, then stops (the upgrade).
    await produce(f.k, f.topic, events(1, 20));
    const before = f.newConsumer({ groupId: former, fromBeginning: true });
    await before.start();
    await waitFor('former group committed everything', async () => (await lagOf(former)) === 0, { timeoutMs: 30_000 });
    await before.stop();

    // Published while no consumer ran.
    await produce(f.k, f.topic, events(21, 30));
    // Separate inbox group: the inbox would hide a replay, as a topic without one (`inbox: false`) cannot.
    const after = f.newConsumer({ groupId: moved, inboxGroup: moved, fromBeginning: true, takeOver: [{ topic: f.topic, fromGroup: former }] });
    await after.start();
    await waitFor('moved group caught up', async () => (await lagOf(moved)) === 0, { timeoutMs: 30_000 });
    await waitFor('all 30 applied', async () => (await countEffects(f.ds, f.schema)).distinct === 30, { timeoutMs: 10_000 });
    // Every event applied exactly once: 1-20 by the former group, 21-30 by the new one.
    expect([...(await timesApplied()).values()].every((n) => n === 1)).toBe(true);
    expect((await countEffects(f.ds, f.schema)).rows).toBe(30);
    await after.stop();

    // The new group has offsets of its own now: a restart goes on from them, not from the former group's.
    await produce(f.k, f.topic, events(31, 32));
    const again = f.newConsumer({ groupId: moved, inboxGroup: moved, fromBeginning: true, takeOver: [{ topic: f.topic, fromGroup: former }] });
    await again.start();
    await waitFor('restart caught up', async () => (await lagOf(moved)) === 0, { timeoutMs: 30_000 });
    await waitFor('32 applied', async () => (await countEffects(f.ds, f.schema)).distinct === 32, { timeoutMs: 10_000 });
    expect((await countEffects(f.ds, f.schema)).rows).toBe(32);
  });
});
