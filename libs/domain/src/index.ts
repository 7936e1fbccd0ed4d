// Public surface of the hiring domain: pure rules over plain data. Services,
// contracts and the CLI import from here only.
export * from './shared/domain-error';
export * from './shared/money';
export * from './shared/roles';
export * from './shared/candidate-ref';
export * from './shared/versioned';
export * from './shared/schema-validation';

export * from './profile/candidate-profile';
export * from './profile/validate-candidate-profile';

export * from './screening/rule-ids';
export * from './screening/rubric';
export * from './screening/rubrics';
export * from './screening/screening-result';
export * from './screening/screen-candidate';
export * from './screening/substance';
export * from './screening/evidence-quality';
export * from './screening/interview-kit';
export * from './screening/interview-feedback';
export * from './screening/calibration-profiles';
export * from './screening/calibrate';

export * from './scoring/score-screening';

export * from './role/advisor-rules';
export * from './role/advise-role';

export * from './promotion/promotion-rules';
export * from './promotion/advise-promotion';

export * from './offer/rate-card';
export * from './offer/rate-card-2026-03';
export * from './offer/select-rate-card';
export * from './offer/offer';
export * from './offer/check-offer';
export * from './offer/rate-card-consistency';
export * from './offer/offer-eligibility';

export * from './sourcing';

export * from './webhooks';
