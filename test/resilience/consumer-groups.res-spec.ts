// Resilience suite, consumer groups: a second instance of every consuming
// service joins its group while events flow and leaves again (two rebalances
// per group, partitions handed over mid-stream), and every topic replayed from
// offset 0 into fresh consumer groups (a renamed group, offsets lost to
// retention, a reset by hand). Checked from the database and the topics:
// nothing lost, nothing applied or emitted twice; a replay changes nothing.
import { deadLetterTopic, TOPICS } from '@hiring/contracts';
import { uniqueName, waitFor, type ServiceProcess } from '@hiring/testing';
import { expectStatus } from '../support/agency-client';
import { serviceGroups, type ServiceName } from '../support/pipeline';
import { CONSUMING_SERVICES, ResilienceRun, type TopicMarks } from '../support/resilience-run';
import { scenario } from '../support/scorecard';

const BULKS = 3;
const BULK = 60;

describe('resilience: consumer groups (second instances, replay from offset 0)', () => {
  let r: ResilienceRun;

  beforeAll(async () => {
    r = await ResilienceRun.start();
  }, 180_000);

  afterAll(async () => {
    await r?.stop();
  });

  const members = async (group: string): Promise<number> => (await r.kit.admin.describeGroups([group])).groups[0]?.members.length ?? 0;

  /** The current end offset of every partition of `topics`. */
  const topicEnds = async (topics: readonly string[]): Promise<Map<string, Map<number, string>>> => {
    const ends = new Map<string, Map<number, string>>();
    for (const topic of topics) ends.set(topic, new Map((await r.kit.admin.fetchTopicOffsets(topic)).map((o) => [o.partition, o.high])));
    return ends;
  };

  /**
   * Committed offsets of `group` at the end (as of `ends`) of every partition
   * of its input topics that still holds records before that end: sourcing
   * deletes what it consumed from the submissions topic and its dead letters,
   * and a group finds nothing to read (so commits nothing) on a partition
   * whose start has passed the end.
   */
  const caughtUp = async (group: string, ends: Map<string, Map<number, string>>): Promise<boolean> => {
    const committed = await r.kit.admin.fetchOffsets({ groupId: group, topics: [...ends.keys()] });
    const starts = new Map<string, Map<number, string>>();
    for (const topic of ends.keys()) starts.set(topic, new Map((await r.kit.admin.fetchTopicOffsets(topic)).map((o) => [o.partition, o.low])));
    return committed.every(({ topic, partitions }) =>
      partitions.every((p) => {
        const end = BigInt(ends.get(topic)?.get(p.partition) ?? '0');
        return BigInt(starts.get(topic)?.get(p.partition) ?? '0') >= end || BigInt(p.offset) >= end;
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

  it('every topic replayed from offset 0 into fresh consumer groups: no new effect, no new event, the erased stay erased', async () => {
    await scenario('replay-from-0', 'a fresh group per consuming service, from offset 0 of every input topic', async () => {
      // This run's submissions, all final, one of them erased, before the snapshot.
      const tag = 'rp';
      const prefix = r.prefix(tag);
      const marks = await r.topicMarks();
      const accepted = expectStatus(await r.clientA.submitBulk(Array.from({ length: BULK }, (_, i) => r.submissionOf(i, tag))), 200, 'bulk').summary.accepted as number;
      await r.expectAllFinal(prefix, accepted);
      const erasedId = (await r.db.query<{ id: string }>(`SELECT candidate_id::text AS id FROM sourcing.submissions WHERE external_id = $1`, [`${prefix}0`])).rows[0]?.id ?? '';
      expectStatus(await r.ops.post(`/v1/ops/candidates/${erasedId}/erasure`, { requestedBy: 'resilience' }), 200, 'erase');
      await waitFor(
        async () =>
          (await r.countWhere(
            `SELECT (SELECT count(*) FROM screening.candidate_profiles WHERE candidate_id = $1) + (SELECT count(*) FROM scoring.scores WHERE candidate_id = $1)
                  + (SELECT count(*) FROM offer.candidate_eligibility WHERE candidate_id = $1) AS n`,
            [erasedId],
          )) === 0,
        { timeoutMs: 60_000, description: 'the erasure reached screening, scoring and offer' },
      );
      // Every pipeline group at the end of its input (offer and sourcing's progress trail scoring): the snapshot is of a settled pipeline.
      await waitFor(
        async () => {
          for (const s of CONSUMING_SERVICES) for (const g of serviceGroups(s, r.pipeline.groups[s])) if (!(await caughtUp(g.group, await topicEnds(g.topics)))) return false;
          return true;
        },
        { timeoutMs: 120_000, intervalMs: 500, description: 'every pipeline group caught up' },
      );
      const before = await runEffects(r, prefix, marks);
      const globalBefore = await globalEffects(r);
      const inputTopics = [...new Set(CONSUMING_SERVICES.flatMap((s) => serviceGroups(s, r.pipeline.groups[s]).flatMap((g) => g.topics)))];
      const ends = await topicEnds(inputTopics);
      let records = 0n;
      for (const topic of inputTopics) {
        records += (await r.kit.admin.fetchTopicOffsets(topic)).reduce((sum, o) => sum + BigInt(o.high) - BigInt(o.low), 0n);
      }
      const startedAt = Date.now();
      const replays = await Promise.all(
        CONSUMING_SERVICES.map(async (s) => {
          const group = uniqueName(`res_replay_${s}`);
          await r.startExtra(s, { KAFKA_CONSUMER_GROUP: group, KAFKA_CONSUMER_FROM_BEGINNING: 'true' });
          return serviceGroups(s, group).map((g) => ({ service: s, group: g.group, ends: new Map([...ends].filter(([t]) => g.topics.includes(t))) }));
        }),
      ).then((groups) => groups.flat());
      await waitFor(async () => (await Promise.all(replays.map((g) => caughtUp(g.group, g.ends)))).every(Boolean), {
        timeoutMs: 300_000,
        intervalMs: 1_000,
        description: 'every replay group reached the end of its input topics',
      });
      const replayMs = Date.now() - startedAt;
      const after = await runEffects(r, prefix, marks);
      const changed = Object.keys(before).filter((k) => before[k] !== after[k]);
      if (changed.length > 0) throw new Error(`the replay changed this run's ${changed.map((k) => `${k} ${before[k]} -> ${after[k]}`).join(', ')}`);
      // Elsewhere the history may hold events these services never processed (other suites on a shared broker): reported, not judged.
      const globalAfter = await globalEffects(r);
      const elsewhere = Object.keys(globalBefore)
        .filter((k) => globalBefore[k] !== globalAfter[k])
        .map((k) => `${k} +${Number(globalAfter[k]) - Number(globalBefore[k])}`);
      return `${records} records on ${inputTopics.length} topics replayed by ${replays.length} fresh groups in ${replayMs} ms; this run's ${accepted} submissions (1 erased): changed 0 of ${Object.keys(before).length} counts; outside this run: ${elsewhere.join(', ') || 'nothing new'}`;
    });
  });
});

/**
 * What a replay could wrongly change for this run's candidates, as numbers:
 * effect rows and their last change, events written by every service (outbox
 * rows keyed by the candidate not yet published, and the records on the stage
 * topics since `marks`: the relays delete what they publish), and that the
 * erased one is still gone. Equal before and after = no new effect.
 */
async function runEffects(r: ResilienceRun, prefix: string, marks: TopicMarks): Promise<Record<string, string>> {
  const row = (
    await r.db.query<Record<string, string>>(
      `WITH ours AS (SELECT id, candidate_id::text AS c FROM sourcing.submissions WHERE external_id LIKE $1)
       SELECT
         (SELECT md5(string_agg(submission_id::text || status, ',' ORDER BY submission_id)) FROM sourcing.submission_states WHERE submission_id IN (SELECT id FROM ours)) AS "sourcing.submission_states status",
         (SELECT count(*) FROM sourcing.submission_status_history WHERE submission_id IN (SELECT id FROM ours))::text AS "sourcing.submission_status_history",
         (SELECT count(*) FROM sourcing.outbox WHERE key IN (SELECT c FROM ours))::text AS "sourcing.outbox",
         (SELECT count(*) FROM screening.candidate_profiles WHERE candidate_id IN (SELECT c FROM ours))::text AS "screening.candidate_profiles",
         (SELECT count(*) FROM screening.screenings WHERE candidate_id IN (SELECT c FROM ours))::text AS "screening.screenings",
         (SELECT count(*) FROM screening.outbox WHERE key IN (SELECT c FROM ours))::text AS "screening.outbox",
         (SELECT md5(coalesce(string_agg(candidate_id || scored_at::text, ',' ORDER BY candidate_id), '')) FROM scoring.scores WHERE candidate_id IN (SELECT c FROM ours)) AS "scoring.scores",
         (SELECT count(*) FROM scoring.outbox WHERE key IN (SELECT c FROM ours))::text AS "scoring.outbox",
         (SELECT md5(coalesce(string_agg(candidate_id || scored_at::text, ',' ORDER BY candidate_id), '')) FROM offer.candidate_eligibility WHERE candidate_id IN (SELECT c FROM ours)) AS "offer.candidate_eligibility",
         (SELECT count(*) FROM offer.outbox WHERE key IN (SELECT c FROM ours))::text AS "offer.outbox"`,
      [`${prefix}%`],
    )
  ).rows[0] as Record<string, string>;
  const onTopics = await r.eventsOnTopics(prefix, marks);
  return { ...row, 'stage topics: records': String(onTopics.records) };
}

/**
 * Records on every recruiting topic and rows ever inserted into every
 * service's outbox (its id sequence: the relays delete published rows, so the
 * table itself ends empty): what changed outside this run is reported.
 */
async function globalEffects(r: ResilienceRun): Promise<Record<string, string>> {
  const row = (
    await r.db.query<Record<string, string>>(
      `SELECT (SELECT last_value FROM sourcing.outbox_id_seq)::text AS "sourcing.outbox", (SELECT last_value FROM screening.outbox_id_seq)::text AS "screening.outbox",
              (SELECT last_value FROM scoring.outbox_id_seq)::text AS "scoring.outbox", (SELECT last_value FROM offer.outbox_id_seq)::text AS "offer.outbox"`,
    )
  ).rows[0] as Record<string, string>;
  const snapshot: Record<string, string> = { ...row };
  for (const topic of [...Object.values(TOPICS), ...Object.values(TOPICS).map(deadLetterTopic)]) {
    const offsets = await r.kit.admin.fetchTopicOffsets(topic);
    snapshot[topic] = String(offsets.reduce((sum, o) => sum + BigInt(o.high), 0n));
  }
  return snapshot;
}
