// The four services as built (dist/), each its own process on the real broker
// and database, each with a consumer group of its own that starts at the
// current end of its input topics: the shared dev broker holds history from
// other tests, and this run must process only what it produces itself.
import { randomBytes } from 'node:crypto';
import { deadLetterTopic, TOPICS } from '@hiring/contracts';
import { KafkaTestKit, ServiceProcess, sourcingKafkaGroups, testDatabaseUrl, testKafkaBrokers, uniqueName, type ProcessExit } from '@hiring/testing';

export type ServiceName = 'sourcing' | 'screening' | 'scoring' | 'offer';
export const SERVICE_NAMES: readonly ServiceName[] = ['sourcing', 'screening', 'scoring', 'offer'];

/** What each service's (main) consumer group reads (its @ConsumeEvents decorators in apps/<name>/src). */
export const SERVICE_INPUT_TOPICS: Record<ServiceName, readonly string[]> = {
  sourcing: [TOPICS.submissions, deadLetterTopic(TOPICS.submissions)],
  screening: [TOPICS.candidateSourced, TOPICS.candidateErased, TOPICS.interviewFeedback],
  scoring: [TOPICS.candidateScreened, TOPICS.candidateErased],
  offer: [TOPICS.candidateScored, TOPICS.candidateErased],
};

/** Every Kafka group of a service started with KAFKA_CONSUMER_GROUP=`group`, with the topics it reads (sourcing has one per status topic besides its main one). */
export function serviceGroups(service: ServiceName, group: string): Array<{ group: string; topics: readonly string[] }> {
  return service === 'sourcing' ? sourcingKafkaGroups(group) : [{ group, topics: SERVICE_INPUT_TOPICS[service] }];
}

export interface Pipeline {
  opsToken: string;
  /** Sourcing's key lookup credential, given to sourcing and screening (random per run, never the ops token). */
  keyServiceToken: string;
  services: Record<ServiceName, ServiceProcess>;
  groups: Record<ServiceName, string>;
  /** Stops every running service with `signal`; resolves with each exit (services already stopped are left out). */
  stop(signal?: NodeJS.Signals): Promise<Partial<Record<ServiceName, ProcessExit>>>;
  /** The last lines of every service's output, for a failure message. */
  logTails(chars?: number): string;
}

/**
 * Starts the pipeline; a service that does not become ready fails the call
 * with its output, after the others were stopped (nothing is left running).
 */
export async function startPipeline(kit: KafkaTestKit, options: { opsToken: string; readyTimeoutMs?: number; env?: Record<string, string> }): Promise<Pipeline> {
  const keyServiceToken = `key-service-${randomBytes(12).toString('hex')}`;
  const groups = Object.fromEntries(SERVICE_NAMES.map((s) => [s, uniqueName(`e2e_${s}`)])) as Record<ServiceName, string>;
  for (const service of SERVICE_NAMES) for (const g of serviceGroups(service, groups[service])) await kit.startGroupAtEnd(g.group, g.topics);

  const started: Partial<Record<ServiceName, ServiceProcess>> = {};
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    const exits = await Promise.all(
      SERVICE_NAMES.filter((s) => started[s]?.running).map(async (s) => [s, await (started[s] as ServiceProcess).stop(signal)] as const),
    );
    return Object.fromEntries(exits) as Partial<Record<ServiceName, ProcessExit>>;
  };
  const logTails = (chars = 2000) =>
    SERVICE_NAMES.filter((s) => started[s])
      .map((s) => `--- ${s} (group ${groups[s]}) ---\n${(started[s] as ServiceProcess).logs.slice(-chars)}`)
      .join('\n');

  try {
    for (const service of SERVICE_NAMES) {
      started[service] = await ServiceProcess.start({
        app: service,
        from: 'dist',
        env: {
          DATABASE_URL: testDatabaseUrl(),
          KAFKA_BROKERS: testKafkaBrokers().join(','),
          OPS_TOKEN: options.opsToken,
          KEY_SERVICE_TOKEN: keyServiceToken,
          KAFKA_CONSUMER_GROUP: groups[service],
          // Offsets are committed before start; this only matters if that step was skipped.
          KAFKA_CONSUMER_FROM_BEGINNING: 'false',
          LOG_LEVEL: 'warn',
          // Screening obtains data keys from sourcing (started first).
          ...(started.sourcing ? { SOURCING_URL: started.sourcing.url } : {}),
          ...options.env,
        },
      });
    }
    await Promise.all(SERVICE_NAMES.map((s) => (started[s] as ServiceProcess).waitUntilReady(options.readyTimeoutMs ?? 90_000)));
  } catch (error) {
    await stop('SIGKILL');
    throw error;
  }
  return { opsToken: options.opsToken, keyServiceToken, services: started as Record<ServiceName, ServiceProcess>, groups, stop, logTails };
}
