// The offer service on the real broker: a scored candidate becomes eligible
// and gets guidance on the guidance topic; an offer's decision is published on
// the offer-decided topic, both through the outbox.
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { buildEvent, EVENT_TYPES, toKafkaRecord, TOPICS, type CandidateScoredEvent } from '@hiring/contracts';
import { EXAMPLE_EVENT_DATA } from '@hiring/contracts/testing';
import { KafkaTestKit, ServiceProcess, testDatabaseUrl, testKafkaBrokers, uniqueName, waitForGroupCaughtUp } from '@hiring/testing';

const OPS_TOKEN = 'offer-kafka-int-spec-token';

describe('offer: candidate-scored in, guidance and decisions out (real process and broker)', () => {
  let service: ServiceProcess;
  const kit = new KafkaTestKit();
  let db: Client;
  const group = uniqueName('offer-kafka-it');

  function scored(decision: 'advance' | 'reject', candidateId = randomUUID()) {
    const data = { ...EXAMPLE_EVENT_DATA[EVENT_TYPES.candidateScored], candidateId, decision, scoredAt: new Date().toISOString() } as CandidateScoredEvent;
    return buildEvent(EVENT_TYPES.candidateScored, { source: 'hiring/scoring', data });
  }

  const eligibility = async (candidateId: string) =>
    (await db.query('SELECT decision FROM offer.candidate_eligibility WHERE candidate_id = $1', [candidateId])).rows[0];

  beforeAll(async () => {
    await kit.connect();
    // The group exists, at the end of its input topics, before the service joins it: no race, no replay.
    await kit.startGroupAtEnd(group, [TOPICS.candidateScored, TOPICS.candidateErased]);
    service = await ServiceProcess.start({
      app: 'offer',
      env: { OPS_TOKEN, KAFKA_CONSUMER_GROUP: group, DATABASE_URL: testDatabaseUrl(), KAFKA_BROKERS: testKafkaBrokers().join(',') },
    });
    await service.waitUntilReady();
    db = new Client({ connectionString: testDatabaseUrl() });
    await db.connect();
  });

  afterAll(async () => {
    await kit.close();
    await db?.end();
    if (service?.running) await service.stop();
  });

  it('an advanced candidate gets guidance; an offer below the London floor is refused and published', async () => {
    const guidance = await kit.probe(TOPICS.offerGuidance);
    const decided = await kit.probe(TOPICS.offerDecided);
    const event = scored('advance');
    const candidateId = event.data.candidateId;
    await kit.produce(TOPICS.candidateScored, toKafkaRecord(event));

    const [g] = await guidance.waitFor((r) => r.key === candidateId, 1, 20_000, 'guidance for the candidate');
    expect((g.json as { data: { base: { min: number }; currency: string } }).data).toMatchObject({ currency: 'GBP', base: { min: 140000 } });
    // Guidance is written in the transaction that records the eligibility.
    expect(await eligibility(candidateId)).toBeDefined();

    const res = await fetch(`${service.url}/v1/offers`, {
      method: 'POST',
      headers: { authorization: `Bearer ${OPS_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ candidateId, base: { amount: 139999, currency: 'GBP' }, proposedBy: 'ops@example.com' }),
    });
    expect(res.status).toBe(201);
    const offer = (await res.json()) as { offerId: string; decision: string; gap: number };
    expect(offer).toMatchObject({ decision: 'refused', gap: 1 });

    const [d] = await decided.waitFor((r) => r.key === candidateId, 1, 20_000, 'offer-decided for the candidate');
    expect((d.json as { data: { offerId: string; decision: string } }).data).toMatchObject({ offerId: offer.offerId, decision: 'refused' });
  });

  it('a redelivered score changes nothing and sends no second guidance', async () => {
    const guidance = await kit.probe(TOPICS.offerGuidance);
    const event = scored('advance');
    await kit.produce(TOPICS.candidateScored, toKafkaRecord(event), toKafkaRecord(event));
    await guidance.waitFor((r) => r.key === event.data.candidateId, 1, 20_000, 'guidance for the candidate');
    await waitForGroupCaughtUp(kit.kafka, group, TOPICS.candidateScored);
    // The relay publishes within milliseconds; a second guidance would be on the topic by now.
    const again = scored('advance');
    await kit.produce(TOPICS.candidateScored, toKafkaRecord(again));
    await guidance.waitFor((r) => r.key === again.data.candidateId, 1, 20_000, 'guidance for a later candidate');
    expect(guidance.records.filter((r) => r.key === event.data.candidateId)).toHaveLength(1);
  });
});
