// Consumer lag against the real broker: the numbers, and the one admin
// connection a service keeps for them (a metrics scrape asks for every
// group's lag; a connection per group made a scrape take ~1.2 s).
import { ConsumerLag } from '../index';
import { createTopics, deleteTopics, kafka, produce, uniqueName } from './int-harness';

const topic = uniqueName('it.lag');
const k = kafka();

beforeAll(async () => {
  await createTopics(k, [{ topic, partitions: 2 }], false);
  await produce(k, topic, [0, 1, 2, 3, 4].map((i) => ({ key: `k-${i}`, value: `v-${i}`, partition: i % 2 })));
}, 60_000);

afterAll(async () => {
  await deleteTopics(k, [topic]);
});

describe('consumer lag (real Kafka)', () => {
  it('counts a group that never committed from the low watermark, per partition', async () => {
    const lag = new ConsumerLag(k);
    const partitions = await lag.lag(uniqueName('it.lag.group'), [topic]);
    expect(partitions.map((p) => [p.partition, p.lag, p.committedOffset]).sort()).toEqual([
      [0, 3, '-1'],
      [1, 2, '-1'],
    ]);
  });

  it('keepConnected: one admin connection for every call until close(), then a new one', async () => {
    const admins = jest.spyOn(k, 'admin');
    const lag = new ConsumerLag(k, { keepConnected: true });
    try {
      for (let i = 0; i < 3; i++) expect(await lag.total(uniqueName('it.lag.group'), [topic])).toBe(5);
      expect(admins).toHaveBeenCalledTimes(1);
      await lag.close();
      expect(await lag.total(uniqueName('it.lag.group'), [topic])).toBe(5);
      expect(admins).toHaveBeenCalledTimes(2);
    } finally {
      await lag.close();
      admins.mockRestore();
    }
  });

  it('without keepConnected: a connection per call, nothing left open', async () => {
    const admins = jest.spyOn(k, 'admin');
    const lag = new ConsumerLag(k);
    try {
      await lag.total(uniqueName('it.lag.group'), [topic]);
      await lag.total(uniqueName('it.lag.group'), [topic]);
      expect(admins).toHaveBeenCalledTimes(2);
    } finally {
      admins.mockRestore();
    }
  });
});
