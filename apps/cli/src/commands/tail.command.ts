// `hiring tail scores`: follows recruiting.candidate-scored.v1 and prints one
// line per score (or one JSON object per line with --json) until Ctrl-C.
// It reads under a throwaway consumer group, starting at the end of every
// partition (or at the start with --from-beginning: the compacted topic then
// replays each candidate's current score), and deletes the group on exit.
import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import type { Consumer } from 'kafkajs';
import { TOPICS } from '@hiring/contracts';
import { onInterrupt } from '../io/interrupt';
import { CliUnavailableError } from '../io/cli-error';
import { runStreamingAction } from '../io/run-action';
import { withKafka, type KafkaSession } from '../kafka/kafka-session';
import { formatScoreLine, parseScoreRecord } from '../tail/score-line';

interface TailOptions {
  json?: boolean;
  fromBeginning?: boolean;
}

async function tailScores(session: KafkaSession, options: TailOptions): Promise<void> {
  const topic = TOPICS.candidateScored;
  const ends = await session.requireOffsets(topic);
  const groupId = `hiring-cli-tail-${randomUUID()}`;
  const consumer: Consumer = session.kafka.consumer({ groupId, allowAutoTopicCreation: false });
  const interrupt = onInterrupt();
  let failure: Error | undefined;
  const crashed = new Promise<void>((resolve) =>
    consumer.on(consumer.events.CRASH, (event) => {
      failure = new CliUnavailableError(`lost Kafka at ${session.brokers.join(',')} while following ${topic}: ${event.payload.error.message}`);
      resolve();
    }),
  );
  // `hiring tail scores | head` closes our stdout: stop quietly, like tail(1).
  const pipeClosed = new Promise<void>((resolve) => process.stdout.on('error', () => resolve()));
  try {
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        if (interrupt.stopped()) return;
        const parsed = parseScoreRecord(partition, message.offset, message.key, message.value);
        if (!parsed.ok) {
          process.stderr.write(`hiring tail scores: skipped ${topic}/${partition}/${message.offset}: ${parsed.reason}\n`);
          return;
        }
        process.stdout.write(options.json ? `${JSON.stringify(parsed.line)}\n` : `${formatScoreLine(parsed.line)}\n`);
      },
    });
    // Seeks queued after run() apply when the partitions are assigned: nothing written after this point is missed.
    if (!options.fromBeginning) for (const end of ends) consumer.seek({ topic, partition: end.partition, offset: end.high.toString() });
    process.stderr.write(`following ${topic} ${options.fromBeginning ? 'from the beginning' : 'from now'} on ${session.brokers.join(',')} (Ctrl-C to stop)\n`);
    await Promise.race([interrupt.signalled, crashed, pipeClosed]);
  } finally {
    interrupt.dispose();
    await consumer.disconnect().catch(() => undefined);
    await deleteGroup(session, groupId);
  }
  if (failure) throw failure;
}

/** The throwaway group would otherwise linger on the broker until its offsets expire. */
async function deleteGroup(session: KafkaSession, groupId: string): Promise<void> {
  const admin = session.kafka.admin();
  try {
    await admin.connect();
    await admin.deleteGroups([groupId]);
  } catch {
    // Best effort: a group that never committed may not exist, and the broker may be gone.
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

export function registerTailCommands(program: Command): void {
  const tail = program.command('tail').description('follow a topic of the running pipeline until Ctrl-C (Kafka from KAFKA_BROKERS, default 127.0.0.1:9092)');
  tail
    .command('scores')
    .description('one line per score on recruiting.candidate-scored.v1: time, candidate, requisition, role, score, decision')
    .option('--json', 'one JSON object per line (for piping)')
    .option('--from-beginning', 'replay the current score of every candidate first (the topic is compacted)')
    .action((options: TailOptions) => runStreamingAction('tail scores', () => withKafka((session) => tailScores(session, options))));
}
