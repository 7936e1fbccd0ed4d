// Resilience suite, consumer groups: a second instance of every consuming
// service joins its group while events flow and leaves again (two rebalances
// per group, partitions handed over mid-stream), and every topic replayed from
// offset 0 into fresh consumer groups (a renamed group, offsets lost to
// retention, a reset by hand). Checked from the database and the topics:
// nothing lost, nothing applied or emitted twice; a replay changes nothing.
import { deadLetterTopic, TOPICS } from '@hiring/contracts';
import { uniqueName, waitFor, type ServiceProcess } from '@hiring/testing';
import { expectStatus } from '../support/agency-client';
import { SERVICE_INPUT_TOPICS, type ServiceName } from '../support/pipeline';
import { CONSUMING_SERVICES, ResilienceRun } from '../support/resilience-run';
import { scenario } from '../support/scorecard';

const BULKS = 3;
const BULK = 100;

describe('resilience: consumer groups (second instances, replay from offset 0)', () => {
  let r: ResilienceRun;

  beforeAll(async () => {
    r = await ResilienceRun.start();
  }, 180_000);

  afterAll(async () => {
    await r?.stop();
  });

  const members = async (group: string): Promise<number> => (await r.kit.admin.describeGroups([group])).groups[0]?.members.length ?? 0;

  /** Committed offsets of `group` at the end (as of `ends`) of every partition of its input topics. */
  const caughtUp = async (group: string, ends: Map<string, Map<number, string>>): Promise<boolean> => {
    const committed = await r.kit.admin.fetchOffsets({ groupId: group, topics: [...ends.keys()] });
    return committed.every(({ topic, partitions }) =>
      partitions.every((p) => {
        const end = ends.get(topic)?.get(p.partition) ?? '0';
        return end === '0' || BigInt(p.offset) >= BigInt(end);
      }),
    );
  };

  it('a second instance of each consumer joins while events flow and leaves again: none lost, none twice', async () => {
    await scenario('second-instances', `+1 instance of ${CONSUMING_SERVICES.join(', ')} during ${BULKS}x${BULK} bulks, then SIGTERM`, async () => {
      const tag = 'si';
      const marks = await r.topicMarks();
      let accepted = 0;
      const submitBulk = async (b: number) => {
        const items = Array.from({ length: BULK }, (_, i) => r.submissionOf(b * BULK + i, tag));
        accepted += expectStatus(await r.clientA.submitBulk(items), 200, `bulk ${b}`).summary.accepted as number;
      };
      await submitBulk(0);
      // Joining while the first bulk flows: each group rebalances to two members.
      const joinedAt = Date.now();
      const extras = new Map<ServiceName, ServiceProcess>();
      await Promise.all(CONSUMING_SERVICES.map(async (s) => extras.set(s, await r.startExtra(s))));
      await waitFor(async () => (await Promise.all(CONSUMING_SERVICES.map((s) => members(r.pipeline.groups[s])))).every((n) => n === 2), {
        timeoutMs: 60_000,
        intervalMs: 250,
        description: 'every group has two members',
      });
      const twoMembersMs = Date.now() - joinedAt;
      await submitBulk(1);
      // Leaving while the second bulk flows (graceful: SIGTERM leaves the group at once).
      const exits = await Promise.all(CONSUMING_SERVICES.map(async (s) => (extras.get(s) as ServiceProcess).stop('SIGTERM')));
      expect(exits.every((e) => e.code === 0)).toBe(true);
      await submitBulk(2);
      await waitFor(async () => (await Promise.all(CONSUMING_SERVICES.map((s) => members(r.pipeline.groups[s])))).every((n) => n === 1), {
        timeoutMs: 60_000,
        intervalMs: 250,
        description: 'every group is back to one member',
      });
      const counts = await r.expectIntact(r.prefix(tag), accepted, marks, 180_000);
      return `4 groups at 2 members ${twoMembersMs} ms after the start, extras left with exit 0; ${counts}`;
    });
  });

  it('every topic replayed from offset 0 into fresh consumer groups: no new effect, no new event', async () => {
    await scenario('replay-from-0', 'a fresh group per consuming service, from offset 0 of every input topic', async () => {
      // Something of this run to replay, finished before the snapshot.
      const tag = 'rp';
      const accepted = expectStatus(await r.clientA.submitBulk(Array.from({ length: BULK }, (_, i) => r.submissionOf(i, tag))), 200, 'bulk').summary.accepted as number;
      await r.expectAllFinal(r.prefix(tag), accepted);
      const before = await effectsSnapshot(r);
      const inputTopics = [...new Set(CONSUMING_SERVICES.flatMap((s) => SERVICE_INPUT_TOPICS[s]))];
      const ends = new Map<string, Map<number, string>>();
      let records = 0n;
      for (const topic of inputTopics) {
        const offsets = await r.kit.admin.fetchTopicOffsets(topic);
        ends.set(topic, new Map(offsets.map((o) => [o.partition, o.high])));
        records += offsets.reduce((sum, o) => sum + BigInt(o.high) - BigInt(o.low), 0n);
      }
      const startedAt = Date.now();
      const replays = await Promise.all(
        CONSUMING_SERVICES.map(async (s) => {
          const group = uniqueName(`res_replay_${s}`);
          await r.startExtra(s, { KAFKA_CONSUMER_GROUP: group, KAFKA_CONSUMER_FROM_BEGINNING: 'true' });
          return { service: s, group, ends: new Map([...ends].filter(([t]) => SERVICE_INPUT_TOPICS[s].includes(t))) };
        }),
      );
      await waitFor(async () => (await Promise.all(replays.map((g) => caughtUp(g.group, g.ends)))).every(Boolean), {
        timeoutMs: 300_000,
        intervalMs: 1_000,
        description: 'every replay group reached the end of its input topics',
      });
      const replayMs = Date.now() - startedAt;
      const after = await effectsSnapshot(r);
      const changed = Object.keys(before).filter((k) => before[k] !== after[k]);
      const dlq = changed.filter((k) => k.endsWith('.dlq'));
      const effects = changed.filter((k) => !k.endsWith('.dlq'));
      if (effects.length > 0) throw new Error(`the replay changed ${effects.map((k) => `${k} ${before[k]} -> ${after[k]}`).join(', ')}`);
      const dlqNote = dlq.length > 0 ? `; dead letters re-written (not effects): ${dlq.map((k) => `${k} +${Number(after[k]) - Number(before[k])}`).join(', ')}` : '';
      return `${records} records on ${inputTopics.length} topics replayed by 4 fresh groups in ${replayMs} ms; new rows 0, new events 0${dlqNote}`;
    });
  });
});

/**
 * Everything a replay could wrongly change, as numbers: rows (and their last
 * change) of every effect table, outbox rows written, records on every
 * recruiting topic. Equal before and after = no new effect.
 */
async function effectsSnapshot(r: ResilienceRun): Promise<Record<string, string>> {
  const row = (
    await r.db.query<Record<string, string>>(
      `SELECT
         (SELECT count(*) FROM sourcing.submissions)::text AS "sourcing.submissions",
         (SELECT md5(string_agg(id::text || status, ',' ORDER BY id)) FROM sourcing.submissions) AS "sourcing.submissions status",
         (SELECT count(*) FROM sourcing.submission_status_history)::text AS "sourcing.submission_status_history",
         (SELECT count(*) FROM sourcing.candidates)::text AS "sourcing.candidates",
         (SELECT coalesce(max(id), 0) FROM sourcing.outbox)::text AS "sourcing.outbox",
         (SELECT count(*) FROM screening.candidate_profiles)::text AS "screening.candidate_profiles",
         (SELECT count(*) FROM screening.screenings)::text AS "screening.screenings",
         (SELECT coalesce(max(id), 0) FROM screening.outbox)::text AS "screening.outbox",
         (SELECT count(*) FROM scoring.scores)::text AS "scoring.scores",
         (SELECT md5(string_agg(candidate_id || scored_at::text, ',' ORDER BY candidate_id)) FROM scoring.scores) AS "scoring.scores scored_at",
         (SELECT coalesce(max(id), 0) FROM scoring.outbox)::text AS "scoring.outbox",
         (SELECT count(*) FROM offer.candidate_eligibility)::text AS "offer.candidate_eligibility",
         (SELECT count(*) FROM offer.offers)::text AS "offer.offers",
         (SELECT coalesce(max(id), 0) FROM offer.outbox)::text AS "offer.outbox"`,
    )
  ).rows[0] as Record<string, string>;
  const snapshot: Record<string, string> = { ...row };
  for (const topic of [...Object.values(TOPICS), ...Object.values(TOPICS).map(deadLetterTopic)]) {
    const offsets = await r.kit.admin.fetchTopicOffsets(topic);
    snapshot[topic] = String(offsets.reduce((sum, o) => sum + BigInt(o.high), 0n));
  }
  return snapshot;
}
