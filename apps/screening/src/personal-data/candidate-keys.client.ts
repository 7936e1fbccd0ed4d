// Screening reads sealed profiles with data keys it obtains from sourcing, the
// key store's owner: one request per consumed batch (chunks of 1000), never one
// per event. Keys live only in memory for the batch.
import { Injectable } from '@nestjs/common';
import { DependencyUnavailableError, TransientError } from '@hiring/messaging';
import { ScreeningConfig } from '../screening.config';
import type { CandidateKeys } from './open-sourced-profiles';

const LOOKUP_LIMIT = 1000;
const TIMEOUT_MS = 5_000;
const UNAVAILABLE_STATUSES = new Set([502, 503, 504]);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface LookupResponse {
  keys: { candidateId: string; dataKey: string }[];
  erased: string[];
  unknown: string[];
}

@Injectable()
export class CandidateKeysClient {
  constructor(private readonly config: ScreeningConfig) {}

  /**
   * Keys of these candidates, and which were erased. Sourcing unreachable
   * or not answering within the timeout: the network error (ETIMEDOUT for
   * the timeout) propagates and the consumer pauses and retries the batch, as for
   * a 502/503/504; any other non-200 is a TransientError (retried, then dead-lettered).
   */
  async lookup(candidateIds: string[]): Promise<CandidateKeys> {
    const result: CandidateKeys = { keys: new Map(), erased: new Set(), unknown: new Set() };
    // Sourcing issues UUIDs and refuses anything else: any other id is unknown there by construction.
    const unique = [...new Set(candidateIds)];
    for (const id of unique.filter((x) => !UUID.test(x))) result.unknown.add(id);
    const ids = unique.filter((x) => UUID.test(x));
    for (let i = 0; i < ids.length; i += LOOKUP_LIMIT) {
      const chunk = ids.slice(i, i + LOOKUP_LIMIT);
      const res = await fetch(`${this.config.SOURCING_URL}/v1/ops/candidate-keys/lookup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.config.KEY_SERVICE_TOKEN}` },
        body: JSON.stringify({ candidateIds: chunk }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      }).catch((error: unknown) => {
        // A sourcing too busy to answer in time is as unavailable as one that
        // refuses the connection: the consumer pauses and retries, it does not
        // dead-letter the batch (seen under load before this).
        if ((error as { name?: unknown } | null)?.name === 'TimeoutError') {
          throw Object.assign(new Error(`key lookup at sourcing timed out after ${TIMEOUT_MS} ms`, { cause: error }), { code: 'ETIMEDOUT' });
        }
        throw error;
      });
      // 401: a misconfigured credential; paused and retried (nothing is lost, nothing dead-lettered) until KEY_SERVICE_TOKEN matches sourcing's.
      if (res.status === 401) throw new DependencyUnavailableError('key lookup at sourcing refused our credential: KEY_SERVICE_TOKEN must be the value sourcing has');
      // 502/503/504: sourcing is up but cannot serve (its database is away): pause and retry until it
      // can, as for a refused connection; dead-lettering would strand accepted candidates (resilience suite).
      if (UNAVAILABLE_STATUSES.has(res.status)) throw new DependencyUnavailableError(`key lookup at sourcing answered ${res.status}`);
      if (res.status !== 200) throw new TransientError(`key lookup at sourcing answered ${res.status}`);
      const body = (await res.json()) as LookupResponse;
      for (const k of body.keys) result.keys.set(k.candidateId, Buffer.from(k.dataKey, 'base64'));
      for (const id of body.erased) result.erased.add(id);
      for (const id of body.unknown) result.unknown.add(id);
    }
    return result;
  }
}
