import { DomainError, DomainErrorCode } from '../shared/domain-error';
import type { Versioned } from '../shared/versioned';

/**
 * How long the first agency to submit a person owns them (the agency fee
 * window), as versioned data. A window is either calendar months (the
 * default: 6) or a number of days (config OWNERSHIP_WINDOW_DAYS).
 */
export type OwnershipWindow = { months: number } | { days: number };

export interface OwnershipRules extends Versioned {
  window: OwnershipWindow;
  /** Treat Gmail dots/+tags as the same address when matching duplicates. */
  canonicaliseGmail: boolean;
}

export const OWNERSHIP_RULES_2026_03: OwnershipRules = {
  version: '2026-03',
  effectiveFrom: '2026-03-01',
  window: { months: 6 },
  canonicaliseGmail: true,
};

/** The rules with the window replaced by a number of days; the version says so, so decisions stay explainable. */
export function withOwnershipWindowDays(rules: OwnershipRules, days: number): OwnershipRules {
  if (!Number.isInteger(days) || days < 1) {
    throw new DomainError(DomainErrorCode.INVALID_RULES, `ownership window must be a positive whole number of days, got ${days}`, { days });
  }
  return { ...rules, version: `${rules.version}+window-${days}d`, window: { days } };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * When an ownership that starts at `from` ends (exclusive). Months are
 * calendar months in UTC, clamped to the month's last day (31 Aug + 6 months
 * = 28/29 Feb), time of day kept.
 */
export function ownershipEnds(from: Date, window: OwnershipWindow): Date {
  if ('days' in window) return new Date(from.getTime() + window.days * DAY_MS);
  const year = from.getUTCFullYear();
  const month = from.getUTCMonth() + window.months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const end = new Date(from.getTime());
  end.setUTCDate(1);
  end.setUTCFullYear(year, month, Math.min(from.getUTCDate(), lastDay));
  return end;
}
