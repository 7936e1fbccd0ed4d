import { Inject, Injectable } from '@nestjs/common';
import { candidateIdentifiers, decideOwnership, type CandidateIdentifier, type OwnershipClaim, type OwnershipRules } from '@hiring/domain';
import { Clock, inSavepoint, type Tx } from '@hiring/platform';
import type { AuthenticatedAgency } from '../agencies/authenticate-agency.service';
import { CandidateKeyRepository } from '../personal-data/candidate-key.repository';
import { IdentifierIndex } from '../personal-data/identifier-index';
import { sealSubmissionData } from '../personal-data/submission-personal-data';
import { RequisitionRepository } from '../requisitions/requisition.repository';
import { canonicalJson, newId } from '@hiring/contracts';
import { sameRequest, type RequestHashes } from '../shared/canonical-hash';
import { RetryableConflict } from '../shared/retryable-conflict';
import { SourcingException, SourcingExceptionCode, type SourcingFieldError } from '../shared/sourcing.exception';
import { CandidateRepository, type IdentifierClaim, type NewCandidate } from './candidate.repository';
import { DuplicateRepository, type NewDuplicate } from './duplicate.repository';
import { IntakeLookupRepository, type IntakeContext } from './intake-lookup.repository';
import { OWNERSHIP_RULES } from './ownership-rules.provider';
import { profileFieldErrors } from './profile-errors';
import { SourcingEventsPublisher, type CandidateSourcedData } from './sourcing-events.publisher';
import type { SubmitCandidateDto } from './submission.dto';
import { toCandidateSourced, toNewSubmission, toSubmissionPersonalData, type AcceptedSubmission } from './submission-intake.mapper';
import { SubmissionRepository, type EarlierSubmission } from './submission.repository';
import { duplicateNotice, statusChangedNotice } from '../webhooks/webhook-notices.mapper';
import { WebhookOutbox, type WebhookNotice, type WebhookSubscriptions } from '../webhooks/webhook-outbox.repository';

export interface SubmissionOutcome {
  submissionId: string;
  status: string;
  /** Only when this agency owns the candidate: a duplicate never learns the other agency's candidate. */
  candidateId?: string;
  /** True when an earlier submission was returned instead of creating one. */
  replayed: boolean;
}

export interface IntakeItem {
  agency: AuthenticatedAgency;
  input: SubmitCandidateDto;
  idempotencyKey?: string;
  channel: 'http' | 'kafka';
  /**
   * The idempotency hashes, when the caller already holds the canonical form
   * they cover (the Kafka path, which serialises the event once for its
   * signature and its hash); else computed from `input` here.
   */
  requestHashes?: RequestHashes;
  /**
   * True when the profile was already checked against the same schema: a
   * consumed recruiting.submission.v1 passed its contract, whose profile
   * schema is the domain's (libs/contracts profile-parity.spec.ts), so it is
   * not checked a second time.
   */
  profileChecked?: boolean;
}

export type IntakeResult = { ok: true; outcome: SubmissionOutcome } | { ok: false; error: SourcingException };

/** A stored submission on its way through the ownership decision. */
interface Stored extends AcceptedSubmission {
  submissionId: string;
}

interface Settled {
  item: Stored;
  status: 'sourced' | 'duplicate';
  candidateId: string | null;
  /** Whose data key seals the submission: the candidate sourced, or the owner of the candidate it duplicates. */
  personId: string;
  reason: string;
}

interface OwnershipPlan {
  settled: Settled[];
  candidates: NewCandidate[];
  claims: IdentifierClaim[];
  duplicates: NewDuplicate[];
  /** What each new candidate must get, by submission: if any is missing, a concurrent transaction won it. */
  mustClaim: Map<string, CandidateIdentifier[]>;
}

/** One try at writing a group: what was decided, and why it did not stick if it did not. */
interface OwnershipAttempt {
  plan: OwnershipPlan;
  /** New candidates that did not get every identifier they needed: a concurrent transaction won one. */
  losers: Set<string>;
  /** Submissions not inserted: a concurrent twin (same externalId / key) committed first. */
  skipped: Set<string>;
  /** The data keys the submissions were sealed with, by person. */
  keys: Map<string, Buffer>;
}

/** What the lookup read before the transaction, for an item alone. */
interface KnownBeforehand {
  subscriptions?: WebhookSubscriptions;
  claims?: readonly OwnershipClaim[];
}

const MAX_ATTEMPTS = 5;
const MAX_ROUNDS = 10;
const identifierKey = (i: CandidateIdentifier) => `${i.kind}\u0000${i.value}`;
const externalIdKey = (agencyId: string, externalId: string) => `x\u0000${agencyId}\u0000${externalId}`;
const idempotencyKeyOf = (agencyId: string, key: string) => `k\u0000${agencyId}\u0000${key}`;

/**
 * Agencies submit people for requisitions, one at a time or a chunk at once
 * (a bulk request, a consumed Kafka batch); both go through here, as a few
 * set-based statements per chunk, never a round trip per item:
 *
 * 1. validate each item (profile, identity) and look up its requisition (one query);
 * 2. idempotency: one lookup by externalId / Idempotency-Key for the chunk; an
 *    earlier submission is replayed (same body) or a conflict (another body);
 *    a later item repeating an earlier one of the same chunk waits for the next
 *    round and then sees it, as if they had come one after another;
 * 3. one transaction: insert the submissions (a concurrent twin is skipped and
 *    replayed next round), read the stored claims on every identifier of the
 *    chunk at once, decide ownership in memory with the domain rule (items in
 *    order, each seeing the claims of the ones before), then write candidates,
 *    claims, duplicates, statuses, the candidate-sourced events (outbox) and
 *    the agencies' webhooks (webhook outbox) in one statement each.
 *
 * The database still settles races between agencies: the primary key of an
 * identifier lets only one transaction claim it. An item that lost such a race
 * is set aside (its writes rolled back to a savepoint), the rest of the chunk is
 * written without it, and it is decided again alone, seeing the winner. A
 * chunk of one needs no savepoint: its transaction is retried whole.
 */
@Injectable()
export class SubmissionIntakeService {
  constructor(
    private readonly submissions: SubmissionRepository,
    private readonly candidates: CandidateRepository,
    private readonly duplicates: DuplicateRepository,
    private readonly requisitions: RequisitionRepository,
    private readonly lookup: IntakeLookupRepository,
    private readonly events: SourcingEventsPublisher,
    private readonly keys: CandidateKeyRepository,
    private readonly index: IdentifierIndex,
    private readonly webhooks: WebhookOutbox,
    private readonly clock: Clock,
    @Inject(OWNERSHIP_RULES) private readonly rules: OwnershipRules,
  ) {}

  /** One result per item, in the items' order. */
  async submitAll(items: readonly IntakeItem[]): Promise<IntakeResult[]> {
    const results: (IntakeResult | undefined)[] = new Array<IntakeResult | undefined>(items.length);
    const checked: Array<Omit<AcceptedSubmission, 'requisition'>> = [];
    items.forEach((item, index) => {
      try {
        checked.push(this.validate(item, index));
      } catch (error) {
        if (!(error instanceof SourcingException)) throw error;
        results[index] = { ok: false, error };
      }
    });

    const { requisitions: found, earlier: firstEarlier, subscriptions, claims: firstClaims } = await this.lookUp(checked);
    const requisitions = new Map(found.map((r) => [r.id, r]));
    let pending: AcceptedSubmission[] = [];
    for (const c of checked) {
      const requisition = requisitions.get(c.input.requisitionId);
      if (!requisition) {
        results[c.index] = {
          ok: false,
          error: new SourcingException(SourcingExceptionCode.UNKNOWN_REQUISITION, `No requisition ${c.input.requisitionId}.`, [
            { path: 'requisitionId', message: 'is not a known requisition' },
          ]),
        };
      } else if (requisition.status !== 'open') {
        results[c.index] = {
          ok: false,
          error: new SourcingException(SourcingExceptionCode.REQUISITION_CLOSED, `Requisition ${c.input.requisitionId} is closed.`, [
            { path: 'requisitionId', message: 'is closed' },
          ]),
        };
      } else {
        pending.push({ ...c, requisition: { role: requisition.targetRole, locationTier: requisition.locationTier } });
      }
    }

    let conflicts = 0;
    for (let round = 1; pending.length > 0; round++) {
      if (round > MAX_ROUNDS) throw new Error(`submission intake did not settle ${pending.length} item(s) in ${MAX_ROUNDS} rounds`);
      const { replays, fresh, later } = this.sortOutEarlier(pending, round === 1 ? firstEarlier : await this.findEarlier(pending));
      for (const [index, result] of replays) results[index] = result;
      let again: AcceptedSubmission[] = later;
      try {
        const written = fresh.length > 0 ? await this.submissions.transaction((tx) => this.writeChunk(tx, fresh, { subscriptions, claims: round === 1 && conflicts === 0 ? firstClaims : undefined })) : new Map<number, SubmissionOutcome>();
        for (const item of fresh) {
          const outcome = written.get(item.index);
          // Not inserted: a concurrent twin (same externalId / key) committed first; next round replays it.
          if (outcome) results[item.index] = { ok: true, outcome };
          else again.push(item);
        }
      } catch (error) {
        if (!(error instanceof RetryableConflict) || ++conflicts >= MAX_ATTEMPTS) throw error;
        again = [...fresh, ...later];
      }
      pending = again.sort((a, b) => a.index - b.index);
    }
    return results.map((r, index) => {
      if (!r) throw new Error(`submission intake left item ${index} without a result`);
      return r;
    });
  }

  private validate(item: IntakeItem, index: number): Omit<AcceptedSubmission, 'requisition'> {
    const { input } = item;
    const errors: SourcingFieldError[] = [];
    if (!item.profileChecked) errors.push(...profileFieldErrors(input.profile));
    const identity = candidateIdentifiers(input.candidate, { canonicaliseGmail: this.rules.canonicaliseGmail });
    errors.push(...identity.issues);
    if (errors.length > 0) throw new SourcingException(SourcingExceptionCode.INVALID_SUBMISSION, 'The submission is invalid.', errors);
    const requestHashes = item.requestHashes ?? this.index.requestHashes(requestCanonical(input), () => requestCanonical(input));
    return { index, agency: item.agency, input, idempotencyKey: item.idempotencyKey, channel: item.channel, requestHashes, identifiers: this.index.of(identity.identifiers) };
  }

  /**
   * The requisitions the items name and the first idempotency lookup. They do
   * not depend on each other: for a chunk both are in flight at once; an item
   * alone gets both from one statement.
   */
  private async lookUp(items: ReadonlyArray<Omit<AcceptedSubmission, 'requisition'>>): Promise<IntakeContext> {
    const [only] = items;
    if (items.length === 1 && only) {
      return this.lookup.forOne(
        { agencyId: only.agency.id, externalId: only.input.externalId, ...(only.idempotencyKey !== undefined ? { idempotencyKey: only.idempotencyKey } : {}) },
        only.input.requisitionId,
        uniqueIdentifiers(only.identifiers),
      );
    }
    const [requisitions, earlier] = await Promise.all([this.requisitions.findForIntake(items.map((c) => c.input.requisitionId)), this.findEarlier(items)]);
    return { requisitions, earlier };
  }

  /** One idempotency lookup for the chunk: earlier submissions by externalId or Idempotency-Key. */
  private findEarlier(items: ReadonlyArray<Omit<AcceptedSubmission, 'requisition'>>): Promise<EarlierSubmission[]> {
    if (items.length === 0) return Promise.resolve([]);
    return this.submissions.findByIdempotencyMany(
      items.map((p) => ({ agencyId: p.agency.id, externalId: p.input.externalId, ...(p.idempotencyKey !== undefined ? { idempotencyKey: p.idempotencyKey } : {}) })),
    );
  }

  /**
   * Items with an earlier submission (from the chunk's lookup) are answered
   * now; of the rest, the first item per externalId / key goes on, and any
   * later one repeating it waits a round.
   */
  private sortOutEarlier(pending: readonly AcceptedSubmission[], earlier: readonly EarlierSubmission[]): { replays: Map<number, IntakeResult>; fresh: AcceptedSubmission[]; later: AcceptedSubmission[] } {
    const byKey = new Map<string, EarlierSubmission>();
    for (const e of earlier) {
      byKey.set(externalIdKey(e.agencyId, e.externalId), e);
      if (e.idempotencyKey !== null) byKey.set(idempotencyKeyOf(e.agencyId, e.idempotencyKey), e);
    }
    const replays = new Map<number, IntakeResult>();
    const fresh: AcceptedSubmission[] = [];
    const later: AcceptedSubmission[] = [];
    const taken = new Set<string>();
    for (const p of pending) {
      const keys = [externalIdKey(p.agency.id, p.input.externalId), ...(p.idempotencyKey !== undefined ? [idempotencyKeyOf(p.agency.id, p.idempotencyKey)] : [])];
      const mine = [...new Set(keys.flatMap((k) => byKey.get(k) ?? []))];
      if (mine.length > 0) {
        replays.set(p.index, replay(p, mine));
      } else if (keys.some((k) => taken.has(k))) {
        later.push(p);
      } else {
        for (const k of keys) taken.add(k);
        fresh.push(p);
      }
    }
    return { replays, fresh, later };
  }

  /**
   * `known`: what the lookup read for an item alone: its agency's webhook subscriptions, and on the
   * first attempt the stored claims on its identifiers; whatever is not given is read here.
   */
  private async writeChunk(tx: Tx, chunk: readonly AcceptedSubmission[], known: KnownBeforehand): Promise<Map<number, SubmissionOutcome>> {
    const now = this.clock.now();
    const stored: Stored[] = chunk.map((item) => ({ ...item, submissionId: newId() }));
    // Settled items are written (submission, candidate, claims, duplicate); a skipped twin is absent.
    const { settled, keys } = await this.settleOwnership(tx, stored, now, known.claims);

    const sourced: CandidateSourcedData[] = [];
    const notices: WebhookNotice[] = [];
    const outcomes = new Map<number, SubmissionOutcome>();
    // Notices only for agencies with an endpoint that takes them (most have none).
    const subscribed = known.subscriptions ?? (await this.webhooks.subscriptionsOf(tx, settled.map((s) => s.item.agency.id)));
    for (const s of settled.sort((a, b) => a.item.index - b.item.index)) {
      const agencyId = s.item.agency.id;
      if (subscribed.wants(agencyId, 'submission.status-changed') || (s.status === 'duplicate' && subscribed.wants(agencyId, 'submission.duplicate'))) {
        const ref = { agencyId, submissionId: s.item.submissionId, externalId: s.item.input.externalId, requisitionId: s.item.input.requisitionId, candidateId: s.personId };
        notices.push(statusChangedNotice(ref, 'received', s.status, now));
        if (s.status === 'duplicate') notices.push(duplicateNotice(ref, now));
      }
      if (s.status === 'sourced' && s.candidateId) {
        sourced.push(toCandidateSourced(s.item, s.item.submissionId, s.candidateId, now));
        outcomes.set(s.item.index, { submissionId: s.item.submissionId, status: 'sourced', candidateId: s.candidateId, replayed: false });
      } else {
        outcomes.set(s.item.index, { submissionId: s.item.submissionId, status: s.status, replayed: false });
      }
    }
    await this.events.candidatesSourced(tx, sourced, keys);
    await this.webhooks.enqueue(tx, notices, subscribed);
    return outcomes;
  }

  /**
   * Decides ownership for a chunk and writes it with the submissions. Items
   * that lost an identifier to a concurrent transaction are rolled back to the
   * savepoint, the others are written without them, then each loser is
   * decided alone. An item whose insert was skipped (a concurrent twin with
   * its externalId / key committed first) is left out and comes back next
   * round as a replay.
   */
  private async settleOwnership(tx: Tx, items: readonly Stored[], now: Date, storedClaims?: readonly OwnershipClaim[]): Promise<{ settled: Settled[]; keys: Map<string, Buffer> }> {
    if (items.length === 0) return { settled: [], keys: new Map() };
    if (items.length === 1) {
      // Alone, a lost race needs no savepoint: the whole transaction is retried and sees the winner (or replays the twin).
      const attempt = await this.tryOwnership(tx, items, now, storedClaims);
      if (!wonEverything(attempt)) throw new RetryableConflict('an identifier or the externalId was taken concurrently');
      return { settled: attempt.plan.settled, keys: attempt.keys };
    }
    const settled: Settled[] = [];
    const keys = new Map<string, Buffer>();
    const alone: Stored[] = [];
    let group = [...items];
    while (group.length > 0) {
      const tried = group;
      const attempt = await inSavepoint(tx, 'ownership', () => this.tryOwnership(tx, tried, now), wonEverything);
      if (wonEverything(attempt)) {
        settled.push(...attempt.plan.settled);
        for (const [id, key] of attempt.keys) keys.set(id, key);
        break;
      }
      // Every loser and skipped twin leaves the group, so this loop ends; the losers are then decided one by one.
      alone.push(...group.filter((g) => attempt.losers.has(g.submissionId)));
      group = group.filter((g) => !attempt.losers.has(g.submissionId) && !attempt.skipped.has(g.submissionId));
    }
    for (const item of alone) {
      const attempt = await this.settleAlone(tx, item, now);
      settled.push(...attempt.plan.settled);
      for (const [id, key] of attempt.keys) keys.set(id, key);
    }
    return { settled, keys };
  }

  /** One item that lost a race inside a chunk: re-read the winners' claims and decide again, a bounded number of times. */
  private async settleAlone(tx: Tx, item: Stored, now: Date): Promise<OwnershipAttempt> {
    for (let attempt = 1; ; attempt++) {
      const tried = await inSavepoint(tx, 'ownership_alone', () => this.tryOwnership(tx, [item], now), wonEverything);
      if (wonEverything(tried)) return tried;
      if (tried.skipped.size > 0) return { ...tried, plan: { ...tried.plan, settled: [] }, keys: new Map() };
      if (attempt >= MAX_ATTEMPTS) throw new RetryableConflict('an identifier was claimed concurrently');
    }
  }

  /**
   * Reads the stored claims on the items' identifiers, decides, writes the
   * candidates and claims; if every claim was won, seals each submission's
   * personal data with the key of the person it is about and inserts the
   * submissions settled, then the duplicates. Returns what was written or
   * why not: the items that lost a claim, the items whose insert was skipped.
   */
  private async tryOwnership(tx: Tx, items: readonly Stored[], now: Date, storedClaims?: readonly OwnershipClaim[]): Promise<OwnershipAttempt> {
    const stored = storedClaims ?? (await this.candidates.findClaims(tx, uniqueIdentifiers(items.flatMap((i) => i.identifiers))));
    const plan = this.plan(items, stored, now);
    const created = this.keys.forNewCandidates(plan.candidates.map((c) => c.id));
    const claimed = new Set((await this.candidates.createAndClaim(tx, plan.candidates, created.rows, plan.claims, now)).map(identifierKey));
    const losers = new Set<string>();
    for (const [submissionId, wanted] of plan.mustClaim) {
      if (wanted.some((i) => !claimed.has(identifierKey(i)))) losers.add(submissionId);
    }
    if (losers.size > 0) return { plan, losers, skipped: new Set(), keys: new Map() };

    // New candidates got their keys with them; one statement for the keys of everyone else the chunk is about.
    const keys = new Map([...(await this.keys.ensure(tx, plan.settled.map((s) => s.personId).filter((id) => !created.keys.has(id)))), ...created.keys]);
    const inserted = await this.submissions.insertSettledMany(
      tx,
      plan.settled.map((s) => {
        // No key: the person was erased meanwhile, and their data is not kept.
        const key = keys.get(s.personId);
        return {
          ...toNewSubmission(s.item, s.item.submissionId),
          status: s.status,
          candidateId: s.candidateId,
          reason: s.reason,
          sealedFor: s.personId,
          personalData: key ? sealSubmissionData(key, s.personId, s.item.submissionId, toSubmissionPersonalData(s.item)) : null,
        };
      }),
      now,
    );
    const skipped = new Set(items.filter((i) => !inserted.has(i.submissionId)).map((i) => i.submissionId));
    if (skipped.size === 0) await this.duplicates.recordMany(tx, plan.duplicates);
    return { plan, losers, skipped, keys };
  }

  /** The domain rule, item after item, each seeing the stored claims and those of the items before it. */
  private plan(items: readonly Stored[], stored: readonly OwnershipClaim[], now: Date): OwnershipPlan {
    const known = new Map(stored.map((c) => [identifierKey(c), c]));
    const plan: OwnershipPlan = { settled: [], candidates: [], claims: [], duplicates: [], mustClaim: new Map() };
    for (const item of items) {
      const relevant = item.identifiers.flatMap((i) => known.get(identifierKey(i)) ?? []);
      const decision = decideOwnership(relevant, { agencyId: item.agency.id, identifiers: item.identifiers }, now, this.rules);
      switch (decision.outcome) {
        case 'duplicate':
          plan.duplicates.push({
            submissionId: item.submissionId,
            agencyId: item.agency.id,
            ownerAgencyId: decision.ownerAgencyId,
            ownerCandidateId: decision.ownerCandidateId,
            matchedOn: decision.matchedOn,
            ownedUntil: decision.ownedUntil,
            rulesVersion: decision.rulesVersion,
            detectedAt: now,
          });
          plan.settled.push({
            item,
            status: 'duplicate',
            candidateId: null,
            personId: decision.ownerCandidateId,
            reason: `matched on ${decision.matchedOn.join(', ')} (ownership rules ${decision.rulesVersion})`,
          });
          break;
        case 'new-candidate':
        case 'same-agency': {
          const candidateId = decision.outcome === 'same-agency' ? decision.candidateId : newId();
          const owner = { candidateId, agencyId: item.agency.id, ownedFrom: decision.ownedFrom, ownedUntil: decision.ownedUntil };
          if (decision.outcome === 'new-candidate') {
            plan.candidates.push({ id: candidateId, ownerAgencyId: item.agency.id, firstSubmissionId: item.submissionId, ownedFrom: decision.ownedFrom, ownedUntil: decision.ownedUntil, rulesVersion: decision.rulesVersion });
            plan.mustClaim.set(item.submissionId, decision.claim);
          }
          for (const identifier of uniqueIdentifiers(decision.claim)) {
            plan.claims.push({ ...identifier, ...owner });
            known.set(identifierKey(identifier), { kind: identifier.kind, value: identifier.value, ...owner });
          }
          const reason = decision.outcome === 'same-agency' ? 'same agency, existing candidate' : `new candidate, owned until ${decision.ownedUntil.toISOString()}`;
          plan.settled.push({ item, status: 'sourced', candidateId, personId: candidateId, reason: `${reason} (ownership rules ${decision.rulesVersion})` });
          break;
        }
        default: {
          const unreachable: never = decision;
          throw new Error(`unhandled ownership outcome ${JSON.stringify(unreachable)}`);
        }
      }
    }
    return plan;
  }
}

/** What the idempotency hash covers: the canonical JSON of externalId, requisitionId, candidate and profile. */
function requestCanonical(input: SubmitCandidateDto): string {
  return canonicalJson({ externalId: input.externalId, requisitionId: input.requisitionId, candidate: input.candidate, profile: input.profile });
}

function uniqueIdentifiers(identifiers: readonly CandidateIdentifier[]): CandidateIdentifier[] {
  const seen = new Map<string, CandidateIdentifier>();
  for (const i of identifiers) seen.set(identifierKey(i), i);
  return [...seen.values()];
}

/** Same body = the original answer; another body under the same externalId / key = conflict. */
function replay(item: AcceptedSubmission, earlier: readonly EarlierSubmission[]): IntakeResult {
  const [first] = earlier as [EarlierSubmission, ...EarlierSubmission[]];
  if (earlier.some((s) => s.id !== first.id || !sameRequest(s.requestHash, item.requestHashes))) {
    return {
      ok: false,
      error: new SourcingException(SourcingExceptionCode.IDEMPOTENCY_CONFLICT, 'This externalId or Idempotency-Key was already used for a different submission body.', [
        { path: earlier.some((s) => s.externalId === item.input.externalId) ? 'externalId' : 'Idempotency-Key', message: 'was already used with a different body' },
      ]),
    };
  }
  return {
    ok: true,
    outcome: { submissionId: first.id, status: first.status, ...(first.status !== 'duplicate' && first.candidateId ? { candidateId: first.candidateId } : {}), replayed: true },
  };
}

function wonEverything(attempt: OwnershipAttempt): boolean {
  return attempt.losers.size === 0 && attempt.skipped.size === 0;
}
