// Where the `hiring dlq` commands find Kafka: KAFKA_BROKERS, the same variable
// and default as the services (README, Configuration), checked before any
// connection so a typo is reported as such rather than as a timeout.
import { CliInputError } from '../io/cli-error';

export const KAFKA_BROKERS_VARIABLE = 'KAFKA_BROKERS';
export const DEFAULT_KAFKA_BROKERS = '127.0.0.1:9092';

const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])$/;

/** `host:port[,host:port...]`; throws a CliInputError naming the variable and the bad entry. */
export function parseKafkaBrokers(value: string | undefined): string[] {
  const raw = value === undefined || value.trim() === '' ? DEFAULT_KAFKA_BROKERS : value;
  const brokers = raw.split(',').map((b) => b.trim());
  for (const broker of brokers) {
    const match = /^(.+):(\d{1,5})$/.exec(broker);
    const port = match ? Number(match[2]) : NaN;
    if (!match || !HOST.test(match[1] ?? '') || port < 1 || port > 65535) {
      throw new CliInputError(`${KAFKA_BROKERS_VARIABLE}="${raw}" is invalid: "${broker}" is not host:port (expected host:port[,host:port...], e.g. ${DEFAULT_KAFKA_BROKERS})`);
    }
  }
  return brokers;
}
