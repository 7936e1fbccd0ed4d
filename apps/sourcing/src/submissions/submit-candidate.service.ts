import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { candidateIdentifiers, decideOwnership, validateCandidateProfile, type CandidateIdentifier, type LocationTier, type OwnershipRules, type TargetRole } from '@hiring/domain';
import type { AuthenticatedAgency } from '../agencies/authenticate-agency.service';
import { RequisitionRepository } from '../requisitions/requisition.repository';
import { canonicalHash } from '../shared/canonical-hash';
import { Clock } from '../shared/clock';
import { RetryableConflict } from '../shared/retryable-conflict';
import { SourcingException, SourcingExceptionCode, type SourcingFieldError } from '../shared/sourcing.exception';
import { CandidateRepository } from './candidate.repository';
import { DuplicateRepository } from './duplicate.repository';
import { OWNERSHIP_RULES } from './ownership-rules.provider';
import { SourcingEventsPublisher } from './sourcing-events.publisher';
import type { SubmitCandidateDto } from './submission.dto';
import type { SubmissionEntity } from './submission.entity';
import { SubmissionRepository, type SourcingTx } from './submission.repository';

export interface SubmissionOutcome {
  submissionId: string;
  status: string;
  /** Only when this agency owns the candidate: a duplicate never learns the other agency's candidate. */
  candidateId?: string;
  /** True when an earlier submission was returned instead of creating one. */
  replayed: boolean;
}

const MAX_ATTEMPTS = 5;

/**
 * An agency submits a person for a requisition. Idempotent per agency by
 * externalId and by Idempotency-Key (same key + same body = the original
 * answer; same key + another body = conflict). In one transaction: store the
 * submission (PII stays here), decide ownership with the domain rule, then
 * either create/join the candidate and emit candidate-sourced, or record a
 * duplicate. Concurrent submissions of one person are settled by the unique
 * key on normalised identifiers: the loser retries and sees the winner.
 */
@Injectable()
export class SubmitCandidateService {
  constructor(
    private readonly submissions: SubmissionRepository,
    private readonly candidates: CandidateRepository,
    private readonly duplicates: DuplicateRepository,
    private readonly requisitions: RequisitionRepository,
    private readonly events: SourcingEventsPublisher,
    private readonly clock: Clock,
    @Inject(OWNERSHIP_RULES) private readonly rules: OwnershipRules,
  ) {}

  async execute(agency: AuthenticatedAgency, input: SubmitCandidateDto, idempotencyKey?: string, channel: 'http' | 'kafka' = 'http'): Promise<SubmissionOutcome> {
    const identifiers = this.validate(input);
    const requestHash = canonicalHash({ externalId: input.externalId, requisitionId: input.requisitionId, candidate: input.candidate, profile: input.profile });

    for (let attempt = 1; ; attempt += 1) {
      const earlier = await this.replay(agency, input, idempotencyKey, requestHash);
      if (earlier) return earlier;
      const requisition = await this.requisitions.findById(input.requisitionId);
      if (!requisition) {
        throw new SourcingException(SourcingExceptionCode.UNKNOWN_REQUISITION, `No requisition ${input.requisitionId}.`, [
          { path: 'requisitionId', message: 'is not a known requisition' },
        ]);
      }
      if (requisition.status !== 'open') {
        throw new SourcingException(SourcingExceptionCode.REQUISITION_CLOSED, `Requisition ${input.requisitionId} is closed.`, [
          { path: 'requisitionId', message: 'is closed' },
        ]);
      }
      try {
        const outcome = await this.submissions.transaction((tx) =>
          this.submitIn(tx, agency, input, idempotencyKey, requestHash, channel, identifiers, { role: requisition.targetRole, locationTier: requisition.locationTier }),
        );
        if (outcome) return outcome;
        // A concurrent twin (same externalId / key) committed first: answer like a replay.
      } catch (error) {
        if (!(error instanceof RetryableConflict) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  private validate(input: SubmitCandidateDto): CandidateIdentifier[] {
    const errors: SourcingFieldError[] = [];
    const profile = validateCandidateProfile(input.profile);
    if (!profile.ok) errors.push(...profile.errors.map((e) => ({ path: e.path === '(root)' ? 'profile' : `profile.${e.path}`, message: e.message })));
    const identity = candidateIdentifiers(input.candidate, { canonicaliseGmail: this.rules.canonicaliseGmail });
    errors.push(...identity.issues);
    if (errors.length > 0) throw new SourcingException(SourcingExceptionCode.INVALID_SUBMISSION, 'The submission is invalid.', errors);
    return identity.identifiers;
  }

  private async replay(agency: AuthenticatedAgency, input: SubmitCandidateDto, idempotencyKey: string | undefined, requestHash: string): Promise<SubmissionOutcome | undefined> {
    const earlier = await this.submissions.findByIdempotency(agency.id, input.externalId, idempotencyKey);
    if (earlier.length === 0) return undefined;
    const [first] = earlier as [SubmissionEntity, ...SubmissionEntity[]];
    if (earlier.some((s) => s.id !== first.id || s.requestHash !== requestHash)) {
      throw new SourcingException(
        SourcingExceptionCode.IDEMPOTENCY_CONFLICT,
        'This externalId or Idempotency-Key was already used for a different submission body.',
        [{ path: earlier.some((s) => s.externalId === input.externalId) ? 'externalId' : 'Idempotency-Key', message: 'was already used with a different body' }],
      );
    }
    return { submissionId: first.id, status: first.status, ...(first.status !== 'duplicate' && first.candidateId ? { candidateId: first.candidateId } : {}), replayed: true };
  }

  private async submitIn(
    tx: SourcingTx,
    agency: AuthenticatedAgency,
    input: SubmitCandidateDto,
    idempotencyKey: string | undefined,
    requestHash: string,
    channel: 'http' | 'kafka',
    identifiers: CandidateIdentifier[],
    requisition: { role: TargetRole; locationTier: LocationTier },
  ): Promise<SubmissionOutcome | undefined> {
    const now = this.clock.now();
    const submissionId = randomUUID();
    const inserted = await this.submissions.insertReceived(
      tx,
      {
        id: submissionId,
        agencyId: agency.id,
        externalId: input.externalId,
        idempotencyKey: idempotencyKey ?? null,
        requestHash,
        channel,
        requisitionId: input.requisitionId,
        candidateName: input.candidate.name,
        candidateEmail: input.candidate.email ?? null,
        candidatePhone: input.candidate.phone ?? null,
        candidateProfileUrl: input.candidate.profileUrl ?? null,
        profile: input.profile,
      },
      now,
    );
    if (!inserted) return undefined;

    const claims = await this.candidates.findClaims(tx, identifiers);
    const decision = decideOwnership(claims, { agencyId: agency.id, identifiers }, now, this.rules);
    switch (decision.outcome) {
      case 'duplicate': {
        await this.duplicates.record(tx, {
          submissionId,
          agencyId: agency.id,
          ownerAgencyId: decision.ownerAgencyId,
          ownerCandidateId: decision.ownerCandidateId,
          matchedOn: decision.matchedOn,
          ownedUntil: decision.ownedUntil,
          rulesVersion: decision.rulesVersion,
          detectedAt: now,
        });
        await this.submissions.setStatus(tx, submissionId, 'duplicate', null, `matched on ${decision.matchedOn.join(', ')} (ownership rules ${decision.rulesVersion})`, now);
        return { submissionId, status: 'duplicate', replayed: false };
      }
      case 'new-candidate':
      case 'same-agency': {
        const candidateId = decision.outcome === 'same-agency' ? decision.candidateId : randomUUID();
        const owner = { id: candidateId, agencyId: agency.id, ownedFrom: decision.ownedFrom, ownedUntil: decision.ownedUntil };
        if (decision.outcome === 'new-candidate') {
          await this.candidates.create(tx, { ...owner, ownerAgencyId: agency.id, firstSubmissionId: submissionId, rulesVersion: decision.rulesVersion });
        }
        const claimed = await this.candidates.claim(tx, owner, decision.claim, now);
        // Someone else claimed one of these identifiers since we read: start over and see who.
        if (decision.outcome === 'new-candidate' && claimed.length < decision.claim.length) {
          throw new RetryableConflict('an identifier was claimed concurrently');
        }
        const reason = decision.outcome === 'same-agency' ? 'same agency, existing candidate' : `new candidate, owned until ${decision.ownedUntil.toISOString()}`;
        await this.submissions.setStatus(tx, submissionId, 'sourced', candidateId, `${reason} (ownership rules ${decision.rulesVersion})`, now);
        await this.events.candidateSourced(tx, {
          candidateId,
          submissionId,
          agencyId: agency.id,
          requisitionId: input.requisitionId,
          role: requisition.role,
          locationTier: requisition.locationTier,
          sourcedAt: now.toISOString(),
          profile: input.profile,
        });
        return { submissionId, status: 'sourced', candidateId, replayed: false };
      }
      default: {
        const unreachable: never = decision;
        throw new Error(`unhandled ownership outcome ${JSON.stringify(unreachable)}`);
      }
    }
  }
}
