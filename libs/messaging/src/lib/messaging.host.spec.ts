import type { EventHandlerRegistration } from './consumer/handler-table';
import { byConsumer, consumerGroupId, formerGroups, namedPartitionsInFlight, usesInbox } from './messaging.host';

const handler = (topic: string, consumer?: string, name = `${topic}-handler`): EventHandlerRegistration => ({ topic, consumer, name, handle: async () => undefined });

describe('byConsumer', () => {
  it('runs each named consumer apart from the main one', () => {
    const groups = byConsumer([handler('a'), handler('b', 'progress'), handler('c'), handler('b', 'progress', 'second')]);
    expect([...groups.keys()]).toEqual([undefined, 'progress']);
    expect(groups.get(undefined)?.map((h) => h.topic)).toEqual(['a', 'c']);
    expect(groups.get('progress')?.map((h) => h.name)).toEqual(['b-handler', 'second']);
  });

  it('refuses a topic split over two consumers (they would share the inbox and skip each other)', () => {
    expect(() => byConsumer([handler('a'), handler('a', 'progress', 'other')])).toThrow(/every handler of a must run in the same consumer/);
  });

  it('names a consumer group after the service group', () => {
    expect(consumerGroupId('sourcing')).toBe('sourcing');
    expect(consumerGroupId('sourcing', 'progress')).toBe('sourcing.progress');
  });
});

describe('usesInbox', () => {
  it('is true when any handler claims its events in the inbox, false when every one opted out', () => {
    expect(usesInbox([])).toBe(false);
    expect(usesInbox([{ ...handler('a'), inbox: false }, { ...handler('b'), inbox: false }])).toBe(false);
    expect(usesInbox([{ ...handler('a'), inbox: false }, handler('b')])).toBe(true);
  });
});

describe('formerGroups', () => {
  const moved = (topic: string, takesOverFrom?: string, name = `${topic}-handler`): EventHandlerRegistration => ({ ...handler(topic, 'progress', name), takesOverFrom });

  it('names the Kafka group each moved topic ran in, once per topic', () => {
    expect(formerGroups('sourcing', [moved('screened', 'progress-screened'), moved('scored', 'progress-scored'), moved('scored', 'progress-scored', 'second'), moved('offer')])).toEqual([
      { topic: 'screened', fromGroup: 'sourcing.progress-screened' },
      { topic: 'scored', fromGroup: 'sourcing.progress-scored' },
    ]);
  });

  it('refuses two former consumers for one topic', () => {
    expect(() => formerGroups('sourcing', [moved('scored', 'a'), moved('scored', 'b', 'second')])).toThrow(/must name the same former consumer/);
  });
});

describe('namedPartitionsInFlight', () => {
  const progress = [handler('screened', 'progress'), handler('scored', 'progress'), handler('scored', 'progress', 'second'), handler('offer', 'progress')];

  it('multiplies partitionsPerTopic by the distinct topics of the consumer', () => {
    expect(namedPartitionsInFlight('progress', { partitionsPerTopic: 2 }, progress)).toBe(6);
    expect(namedPartitionsInFlight('progress', { partitionsPerTopic: 2 }, progress.slice(0, 1))).toBe(2);
  });

  it('takes a fixed count as given, and leaves the service default when neither is set', () => {
    expect(namedPartitionsInFlight('progress', { partitionsConsumedConcurrently: 4 }, progress)).toBe(4);
    expect(namedPartitionsInFlight('progress', {}, progress)).toBeUndefined();
    expect(namedPartitionsInFlight(undefined, undefined, progress)).toBeUndefined();
  });

  it('refuses both settings at once', () => {
    expect(() => namedPartitionsInFlight('progress', { partitionsConsumedConcurrently: 4, partitionsPerTopic: 2 }, progress)).toThrow(/not both/);
  });
});
