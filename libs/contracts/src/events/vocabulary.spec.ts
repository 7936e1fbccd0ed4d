// The wire vocabulary is spelled out here on purpose (contracts are read by
// agencies and dashboards without the domain library), so this test is what
// keeps it equal to the domain's lists.
import * as domain from '@hiring/domain';
import * as wire from './vocabulary';

describe('event vocabulary matches the domain', () => {
  it.each([
    ['TARGET_ROLES', wire.TARGET_ROLES, domain.TARGET_ROLES],
    ['LOCATION_TIERS', wire.LOCATION_TIERS, domain.LOCATION_TIERS],
    ['CURRENCIES', wire.CURRENCIES, domain.CURRENCIES],
    ['SYSTEM_AREAS', wire.SYSTEM_AREAS, domain.SYSTEM_AREAS],
    ['TRADE_OFF_TOPICS', wire.TRADE_OFF_TOPICS, domain.TRADE_OFF_TOPICS],
    ['REVIEW_ASPECTS', wire.REVIEW_ASPECTS, domain.REVIEW_ASPECTS],
    ['SOFT_SKILLS', wire.SOFT_SKILLS, domain.SOFT_SKILLS],
    ['FEEDBACK_OUTCOMES', wire.FEEDBACK_OUTCOMES, domain.FEEDBACK_OUTCOMES],
  ])('%s', (_name, onTheWire, inTheDomain) => {
    expect([...onTheWire].sort()).toEqual([...inTheDomain].sort());
  });
});
