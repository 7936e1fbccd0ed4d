import {
  checkInboxPruneSettings,
  DAY_MS,
  DEFAULT_INBOX_FIRST_PRUNE_DELAY_MS,
  DEFAULT_INBOX_PRUNE_BATCH_SIZE,
  DEFAULT_INBOX_PRUNE_INTERVAL_MS,
  MIN_INBOX_PRUNE_PAUSE_MS,
  moreToPrune,
  pauseAfterBatch,
  pruneCutoff,
  pruningEnabled,
} from './inbox-retention';

const settings = { retentionMs: 7 * DAY_MS, intervalMs: DEFAULT_INBOX_PRUNE_INTERVAL_MS, firstDelayMs: DEFAULT_INBOX_FIRST_PRUNE_DELAY_MS, batchSize: DEFAULT_INBOX_PRUNE_BATCH_SIZE };

describe('inbox retention: what a prune run deletes and how it paces itself', () => {
  it('cuts off at now minus the retention', () => {
    const now = Date.parse('2026-12-04T12:00:00.000Z');
    expect(pruneCutoff(now, 7 * DAY_MS).toISOString()).toBe('2026-11-27T12:00:00.000Z');
    expect(pruneCutoff(now, 90_000).toISOString()).toBe('2026-12-04T11:58:30.000Z');
  });

  it('prunes only with a retention above 0', () => {
    expect(pruningEnabled(0)).toBe(false);
    expect(pruningEnabled(DAY_MS)).toBe(true);
  });

  it('goes on after a full batch and stops after a short one', () => {
    expect(moreToPrune(5_000, 5_000)).toBe(true);
    expect(moreToPrune(4_999, 5_000)).toBe(false);
    expect(moreToPrune(0, 5_000)).toBe(false);
  });

  it('pauses as long as the batch took, never less than the floor', () => {
    expect(pauseAfterBatch(120.2)).toBe(121);
    expect(pauseAfterBatch(0)).toBe(MIN_INBOX_PRUNE_PAUSE_MS);
  });

  it('refuses settings that are not whole numbers in range, naming the setting', () => {
    expect(checkInboxPruneSettings(settings)).toEqual(settings);
    expect(checkInboxPruneSettings({ ...settings, retentionMs: 0, firstDelayMs: 0 }).retentionMs).toBe(0);
    expect(() => checkInboxPruneSettings({ ...settings, retentionMs: -1 })).toThrow(/retentionMs/);
    expect(() => checkInboxPruneSettings({ ...settings, intervalMs: 0 })).toThrow(/intervalMs/);
    expect(() => checkInboxPruneSettings({ ...settings, batchSize: 2.5 })).toThrow(/batchSize/);
    expect(() => checkInboxPruneSettings({ ...settings, firstDelayMs: Number.NaN })).toThrow(/firstDelayMs/);
  });
});
