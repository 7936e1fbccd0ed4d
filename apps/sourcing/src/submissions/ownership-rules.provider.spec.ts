import { loadConfig } from '@hiring/platform';
import { SourcingConfig } from '../sourcing.config';
import { ownershipRulesFor } from './ownership-rules.provider';

describe('sourcing / ownership window from config', () => {
  it('unset: the versioned default of 6 calendar months', () => {
    const rules = ownershipRulesFor(loadConfig(SourcingConfig, {}));
    expect(rules).toMatchObject({ version: '2026-03', window: { months: 6 } });
  });

  it('OWNERSHIP_WINDOW_DAYS=90: a 90-day window, named in the version', () => {
    const rules = ownershipRulesFor(loadConfig(SourcingConfig, { OWNERSHIP_WINDOW_DAYS: '90' }));
    expect(rules).toMatchObject({ version: '2026-03+window-90d', window: { days: 90 } });
  });

  it('a bad value stops the config load, naming the variable', () => {
    expect(() => loadConfig(SourcingConfig, { OWNERSHIP_WINDOW_DAYS: '0' })).toThrow(/OWNERSHIP_WINDOW_DAYS/);
    expect(() => loadConfig(SourcingConfig, { OWNERSHIP_WINDOW_DAYS: 'six months' })).toThrow(/OWNERSHIP_WINDOW_DAYS/);
  });
});
