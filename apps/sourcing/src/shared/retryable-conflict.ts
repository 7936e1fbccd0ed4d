/**
 * A transaction lost a race the database settled (a unique key claimed by a
 * concurrent transaction, a deadlock, a serialization failure). The use case
 * retries from the start, re-reading what the winner committed.
 */
export class RetryableConflict extends Error {
  override readonly name = 'RetryableConflict';
}
