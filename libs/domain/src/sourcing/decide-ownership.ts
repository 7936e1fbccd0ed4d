import type { CandidateIdentifier, IdentifierKind } from './identifiers';
import { ownershipEnds, type OwnershipRules } from './ownership-rules';

/** A stored claim: one normalised identifier, owned by one agency's candidate until `ownedUntil` (exclusive). */
export interface OwnershipClaim extends CandidateIdentifier {
  agencyId: string;
  candidateId: string;
  ownedFrom: Date;
  ownedUntil: Date;
}

export interface NewClaim {
  agencyId: string;
  identifiers: CandidateIdentifier[];
}

export type OwnershipDecision =
  | {
      /** Nobody owns any of these identifiers now: a new candidate, owned by this agency. */
      outcome: 'new-candidate';
      ownedFrom: Date;
      ownedUntil: Date;
      /** Identifiers to claim; expired claims among them are taken over. */
      claim: CandidateIdentifier[];
      rulesVersion: string;
    }
  | {
      /** This agency already owns the person: same candidate, and it also claims any identifier nobody owns. */
      outcome: 'same-agency';
      candidateId: string;
      ownedFrom: Date;
      ownedUntil: Date;
      claim: CandidateIdentifier[];
      rulesVersion: string;
    }
  | {
      /** Another agency owns the person within its window. */
      outcome: 'duplicate';
      ownerAgencyId: string;
      ownerCandidateId: string;
      matchedOn: IdentifierKind[];
      ownedUntil: Date;
      rulesVersion: string;
    };

const byOwnedFrom = (a: OwnershipClaim, b: OwnershipClaim) =>
  a.ownedFrom.getTime() - b.ownedFrom.getTime() || a.candidateId.localeCompare(b.candidateId);

/**
 * Who owns a submitted person. The first valid submission owns the candidate
 * for the window; a later one from another agency that matches ANY of its
 * identifiers while the window runs is a duplicate (of the earliest owner
 * when several match); the same agency submitting again gets the same
 * candidate; after the window ends anyone may own the person anew.
 *
 * `existingClaims` are the stored claims on any of `newClaim`'s identifiers,
 * expired ones included; a claim is active while `now < ownedUntil`.
 */
export function decideOwnership(
  existingClaims: readonly OwnershipClaim[],
  newClaim: NewClaim,
  now: Date,
  rules: OwnershipRules,
): OwnershipDecision {
  const matches = (c: CandidateIdentifier) => newClaim.identifiers.some((i) => i.kind === c.kind && i.value === c.value);
  const active = existingClaims.filter((c) => matches(c) && now.getTime() < c.ownedUntil.getTime()).sort(byOwnedFrom);
  const isActive = (i: CandidateIdentifier) => active.some((c) => c.kind === i.kind && c.value === i.value);
  const unclaimed = newClaim.identifiers.filter((i) => !isActive(i));

  const other = active.find((c) => c.agencyId !== newClaim.agencyId);
  if (other) {
    const matchedOn = active.filter((c) => c.candidateId === other.candidateId).map((c) => c.kind);
    return {
      outcome: 'duplicate',
      ownerAgencyId: other.agencyId,
      ownerCandidateId: other.candidateId,
      matchedOn: [...new Set(matchedOn)],
      ownedUntil: other.ownedUntil,
      rulesVersion: rules.version,
    };
  }
  const own = active[0];
  if (own) {
    return {
      outcome: 'same-agency',
      candidateId: own.candidateId,
      ownedFrom: own.ownedFrom,
      ownedUntil: own.ownedUntil,
      claim: unclaimed,
      rulesVersion: rules.version,
    };
  }
  return {
    outcome: 'new-candidate',
    ownedFrom: now,
    ownedUntil: ownershipEnds(now, rules.window),
    claim: unclaimed,
    rulesVersion: rules.version,
  };
}
