import { DomainError, DomainErrorCode } from './domain-error';

/**
 * Every rule set (rate card, rubric, advisor rules) is data with a version and
 * the calendar day it takes effect. Decisions quote the version they used.
 */
export interface Versioned {
  version: string;
  /** Calendar day, `YYYY-MM-DD`, from which this version is in force. */
  effectiveFrom: string;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written `YYYY-MM-DD` (rejects 2026-02-30). */
export function isIsoDay(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_DAY.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * The version in force on `day`: the latest `effectiveFrom` not after it.
 * `YYYY-MM-DD` strings compare in calendar order, so no Date arithmetic (and
 * no time zone) is involved. Two versions starting the same day is a data bug,
 * not something to resolve silently.
 */
export function selectVersionInForce<T extends Versioned>(versions: readonly T[], day: string, what: string): T {
  if (!isIsoDay(day)) {
    throw new DomainError(DomainErrorCode.INVALID_RULES, `${what}: "${day}" is not a calendar day (YYYY-MM-DD)`, { day });
  }
  let inForce: T | undefined;
  for (const candidate of versions) {
    if (!isIsoDay(candidate.effectiveFrom)) {
      throw new DomainError(
        DomainErrorCode.INVALID_RULES,
        `${what} ${candidate.version}: effectiveFrom "${candidate.effectiveFrom}" is not a calendar day`,
        { version: candidate.version },
      );
    }
    if (candidate.effectiveFrom > day) continue;
    if (inForce && inForce.effectiveFrom === candidate.effectiveFrom) {
      throw new DomainError(
        DomainErrorCode.INVALID_RULES,
        `${what}: versions ${inForce.version} and ${candidate.version} both take effect on ${candidate.effectiveFrom}`,
        { versions: [inForce.version, candidate.version] },
      );
    }
    if (!inForce || candidate.effectiveFrom > inForce.effectiveFrom) inForce = candidate;
  }
  if (!inForce) {
    throw new DomainError(DomainErrorCode.NO_RULES_IN_FORCE, `${what}: no version is in force on ${day}`, { day });
  }
  return inForce;
}
