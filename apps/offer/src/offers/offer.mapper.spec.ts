import type { OfferEntity } from './offer.entity';
import type { OfferOverrideEntity } from './offer-override.entity';
import { toOfferDecidedData, toOfferResponse } from './offer.mapper';

const offer = (overrides: Partial<OfferEntity> = {}): OfferEntity => ({
  id: '6f1c1c5e-3c1a-4c55-9f7e-1f0f4a0b8c01',
  candidateId: 'cand-1',
  submissionId: 'sub-1',
  role: 'ai-tech-lead',
  locationTier: 'us-metro',
  baseAmount: 190_000,
  baseCurrency: 'USD',
  totalCompAmount: null,
  totalCompCurrency: null,
  proposedOn: '2026-05-15',
  proposedBy: 'hm',
  decision: 'refused',
  floorAmount: 200_000,
  floorCurrency: 'USD',
  gap: 10_000,
  reasons: [{ code: 'BELOW_FLOOR', message: 'below' }],
  rateCardVersion: '2026-03',
  decidedAt: new Date('2026-05-15T10:00:00Z'),
  declinedAt: null,
  declinedBy: null,
  declinedReason: null,
  createdAt: new Date('2026-05-15T10:00:00Z'),
  ...overrides,
});

const override: OfferOverrideEntity = {
  id: 'a9b9b7a2-1d0e-4d53-8a39-cc3c7b1d1f10',
  offerId: '6f1c1c5e-3c1a-4c55-9f7e-1f0f4a0b8c01',
  approver: 'vp',
  reason: 'relocation',
  previousDecision: 'refused',
  previousReasons: [{ code: 'BELOW_FLOOR', message: 'below' }],
  decision: 'approved',
  rateCardVersion: '2026-03',
  createdAt: new Date('2026-05-16T08:00:00Z'),
};

describe('offer mappers', () => {
  it('answers a refusal with the floor, gap, reasons and version, and no override or decline', () => {
    expect(toOfferResponse(offer(), null)).toEqual({
      offerId: '6f1c1c5e-3c1a-4c55-9f7e-1f0f4a0b8c01',
      candidateId: 'cand-1',
      role: 'ai-tech-lead',
      locationTier: 'us-metro',
      base: { amount: 190_000, currency: 'USD' },
      totalComp: null,
      proposedOn: '2026-05-15',
      proposedBy: 'hm',
      decision: 'refused',
      floor: { amount: 200_000, currency: 'USD' },
      gap: 10_000,
      reasons: [{ code: 'BELOW_FLOOR', message: 'below' }],
      rateCardVersion: '2026-03',
      decidedAt: '2026-05-15T10:00:00.000Z',
      override: null,
      declined: null,
      createdAt: '2026-05-15T10:00:00.000Z',
    });
  });

  it('shows the override record and the decline', () => {
    const response = toOfferResponse(
      offer({ decision: 'approved', totalCompAmount: 260_000, totalCompCurrency: 'USD', declinedAt: new Date('2026-05-20T00:00:00Z'), declinedBy: 'rec', declinedReason: 'other offer' }),
      override,
    );
    expect(response.totalComp).toEqual({ amount: 260_000, currency: 'USD' });
    expect(response.override).toEqual({ approver: 'vp', reason: 'relocation', previousDecision: 'refused', previousReasons: [{ code: 'BELOW_FLOOR', message: 'below' }], at: '2026-05-16T08:00:00.000Z' });
    expect(response.declined).toEqual({ reason: 'other offer', recordedBy: 'rec', at: '2026-05-20T00:00:00.000Z' });
  });

  it('builds the offer-decided payload, with the override only when there is one', () => {
    const refused = toOfferDecidedData(offer(), null);
    expect(refused).toEqual({
      offerId: '6f1c1c5e-3c1a-4c55-9f7e-1f0f4a0b8c01',
      candidateId: 'cand-1',
      submissionId: 'sub-1',
      role: 'ai-tech-lead',
      locationTier: 'us-metro',
      base: { amount: 190_000, currency: 'USD' },
      decision: 'refused',
      floor: { amount: 200_000, currency: 'USD' },
      gap: 10_000,
      reasons: [{ code: 'BELOW_FLOOR', message: 'below' }],
      rateCardVersion: '2026-03',
      decidedAt: '2026-05-15T10:00:00.000Z',
    });
    expect('override' in refused).toBe(false);
    expect(toOfferDecidedData(offer({ decision: 'approved' }), override).override).toEqual({ approver: 'vp', reason: 'relocation' });
  });

  it('names the submission the offer was made on; an offer stored before that was recorded has none (not null)', () => {
    expect(toOfferDecidedData(offer(), null).submissionId).toBe('sub-1');
    expect('submissionId' in toOfferDecidedData(offer({ submissionId: null }), null)).toBe(false);
  });
});
