// Every agency request authenticates its API key. Looking the key up in
// Postgres each time was a round trip in front of every statement of the
// request; this remembers a key that was found active for a short while.
//
// Revocation stays prompt: a revocation or rotation made through this process
// forgets the agency's keys at once, one made anywhere else (another instance,
// by hand) empties the cache when its NOTIFY arrives (ApiKeyChangesListener),
// and a lookup that was in flight meanwhile is not remembered. If that
// notification is lost with its connection, an entry still expires after
// API_KEY_CACHE_TTL_MS. Unknown and revoked keys are never remembered: they
// keep going to Postgres, and keep being counted by the auth-failure throttle.
import type { AuthenticatedAgency } from './authenticate-agency.service';

interface Entry {
  agency: AuthenticatedAgency;
  expiresAt: number;
}

export class ApiKeyCache {
  private readonly entries = new Map<string, Entry>();
  /** Bumped by every invalidation: a lookup started before it must not store its (maybe stale) answer. */
  private generation = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly nowMs: () => number = Date.now,
  ) {}

  get enabled(): boolean {
    return this.ttlMs > 0;
  }

  /** The agency of a key hash found active less than the TTL ago. */
  get(keyHash: string): AuthenticatedAgency | undefined {
    const entry = this.entries.get(keyHash);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.nowMs()) {
      this.entries.delete(keyHash);
      return undefined;
    }
    return entry.agency;
  }

  /** Taken before a lookup, handed to `remember` after it. */
  ticket(): number {
    return this.generation;
  }

  remember(keyHash: string, agency: AuthenticatedAgency, ticket: number): void {
    if (!this.enabled || ticket !== this.generation) return;
    // Bounded: past the limit the oldest entry goes (Map keeps insertion order).
    if (this.entries.size >= this.maxEntries && !this.entries.has(keyHash)) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.delete(keyHash);
    this.entries.set(keyHash, { agency, expiresAt: this.nowMs() + this.ttlMs });
  }

  /** Some key changed somewhere (a notification, or one that may have been missed): forget them all. */
  forgetAll(): void {
    this.generation++;
    this.entries.clear();
  }

  /** A key of this agency was revoked (or all of them, by a rotation). */
  forgetAgency(agencyId: string): void {
    this.generation++;
    for (const [hash, entry] of this.entries) if (entry.agency.id === agencyId) this.entries.delete(hash);
  }
}
