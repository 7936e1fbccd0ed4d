// @hiring/messaging/dead-letters: the dead-letter records and the tools that
// read and replay them, for the CLI and scripts. Kafka and the contracts only:
// no NestJS, TypeORM or pg behind this entry point (lint keeps it so).
export * from './lib/dead-letters/dead-letter-record';
export { toDeadLetter, listDeadLetters, deadLetterDecoder, DEAD_LETTER_TYPE, type DeadLetter, type ListDeadLettersOptions } from './lib/dead-letters/dead-letter-reader';
export * from './lib/dead-letters/dead-letter-replay';
/** The CLI's Kafka tools bound their waits with it too. */
export { withTimeout } from './lib/util';
/** Every kafkajs client of the project connects with it (TCP_NODELAY). */
export { noDelaySocketFactory } from './lib/kafka-socket';
