import { DomainError, DomainErrorCode } from '../shared/domain-error';
import { CURRENCIES, formatMoney, type Money } from '../shared/money';
import { isLocationTier, isTargetRole, ROLE_LABEL } from '../shared/roles';
import { isIsoDay } from '../shared/versioned';
import type { Offer, OfferDecision, OfferReason } from './offer';
import type { RateCard } from './rate-card';
import { findBand, selectRateCard } from './select-rate-card';

function assertValidOffer(offer: Offer): void {
  const invalid = (field: string, message: string) => new DomainError(DomainErrorCode.INVALID_OFFER, `${field}: ${message}`, { field });
  if (!isTargetRole(offer.role)) throw invalid('role', `unknown role "${String(offer.role)}"`);
  if (!isLocationTier(offer.location)) throw invalid('location', `unknown location "${String(offer.location)}"`);
  if (!Number.isFinite(offer.base.amount) || offer.base.amount < 0) throw invalid('base.amount', 'must be a non-negative number');
  if (!(CURRENCIES as readonly string[]).includes(offer.base.currency)) throw invalid('base.currency', `unknown currency "${String(offer.base.currency)}"`);
  if (!isIsoDay(offer.proposedOn)) throw invalid('proposedOn', `"${String(offer.proposedOn)}" is not a calendar day (YYYY-MM-DD)`);
  if (offer.override !== undefined) {
    // An exception must say who and why; a blank one is a silent default in disguise.
    const missing = [!offer.override.approver?.trim() && 'approver', !offer.override.reason?.trim() && 'reason'].filter(Boolean);
    if (missing.length > 0) {
      throw new DomainError(DomainErrorCode.INVALID_OVERRIDE, `an override below the floor needs a named approver and a reason; missing: ${missing.join(', ')}`, {
        missing,
      });
    }
  }
}

/**
 * Guards an offer against the market floor (hiring-rules.md section 5): the
 * lower bound of the base band for the role and location, in the rate card
 * version in force on the proposal date. A refusal is a normal answer; no
 * band or no version in force is an error, never an approval.
 */
export function checkOffer(offer: Offer, cards: readonly RateCard[]): OfferDecision {
  assertValidOffer(offer);
  const card = selectRateCard(cards, offer.proposedOn);
  const band = findBand(card, offer.role, offer.location);
  const label = ROLE_LABEL[offer.role];
  if (!band) {
    throw new DomainError(
      DomainErrorCode.NO_RATE_CARD,
      `rate card ${card.version} has no ${label} band for ${offer.location}; no floor can be checked`,
      { role: offer.role, location: offer.location, rateCardVersion: card.version },
    );
  }
  const floor: Money = { amount: band.base.min, currency: band.currency };
  const at = `rate card ${card.version}`;
  const base = offer.base;

  if (base.currency !== band.currency) {
    return {
      decision: 'refused',
      floor,
      gap: null,
      reasons: [
        {
          code: 'CURRENCY_MISMATCH',
          message: `offers in ${offer.location} are made in ${band.currency}, not ${base.currency}; no conversion is applied: restate the offer in ${band.currency} (floor ${formatMoney(floor)}, ${at})`,
        },
      ],
      rateCardVersion: card.version,
    };
  }

  if (base.amount >= floor.amount) {
    const reasons: OfferReason[] = [
      { code: 'MEETS_FLOOR', message: `${formatMoney(base)} meets the ${label} floor of ${formatMoney(floor)} in ${offer.location} (${at})` },
    ];
    if (offer.override) {
      reasons.push({ code: 'OVERRIDE_NOT_USED', message: `the override by ${offer.override.approver} was not needed and is not recorded` });
    }
    return { decision: 'approved', floor, gap: 0, reasons, rateCardVersion: card.version };
  }

  const gap = floor.amount - base.amount;
  const reasons: OfferReason[] = [
    {
      code: 'BELOW_FLOOR',
      message: `${formatMoney(base)} is ${formatMoney({ amount: gap, currency: floor.currency })} below the ${label} floor of ${formatMoney(floor)} in ${offer.location} (${at})`,
    },
  ];
  const softwareBand = offer.role === 'ai-tech-lead' ? findBand(card, 'tech-lead', offer.location) : undefined;
  if (softwareBand && softwareBand.currency === base.currency && base.amount >= softwareBand.base.min && base.amount <= softwareBand.base.max) {
    reasons.push({
      code: 'SOFTWARE_BAND_BENCHMARK',
      message: `${formatMoney(base)} sits inside the software Technical Lead band (${formatMoney({ amount: softwareBand.base.min, currency: softwareBand.currency })}–${formatMoney({ amount: softwareBand.base.max, currency: softwareBand.currency })}): this is the common mistake of benchmarking an AI Tech Lead against the software tech lead band, which runs well below the AI Tech Lead market (${at})`,
    });
  }
  if (offer.override) {
    reasons.push({
      code: 'OVERRIDE_BELOW_FLOOR',
      message: `approved below the floor by override: approver ${offer.override.approver}, reason: ${offer.override.reason}`,
    });
    return { decision: 'approved', floor, gap, reasons, rateCardVersion: card.version, override: { ...offer.override } };
  }
  return { decision: 'refused', floor, gap, reasons, rateCardVersion: card.version };
}
