import { isNewStage, progressSubmission, type PipelineStage, type StageMarks } from './submission-progress';

const screened = (decision: 'advance' | 'review' | 'reject'): PipelineStage => ({ kind: 'screened', decision });
const scored = (decision: 'advance' | 'review' | 'reject'): PipelineStage => ({ kind: 'scored', decision, score: 70 });
const offer = (decision: 'approved' | 'refused'): PipelineStage => ({ kind: 'offer-decided', decision });

describe('submission progress through the pipeline', () => {
  it('moves a sourced submission forward stage by stage', () => {
    expect(progressSubmission('sourced', screened('advance'))).toBe('screened');
    expect(progressSubmission('screened', scored('advance'))).toBe('scored');
    expect(progressSubmission('scored', offer('refused'))).toBe('offer-refused');
    expect(progressSubmission('offer-refused', offer('approved'))).toBe('offer-approved');
  });

  it('a screening reject is final: later stages change nothing', () => {
    expect(progressSubmission('sourced', screened('reject'))).toBe('rejected');
    expect(progressSubmission('rejected', scored('reject'))).toBeUndefined();
    expect(progressSubmission('rejected', offer('approved'))).toBeUndefined();
  });

  it('a stage seen late never moves a submission back', () => {
    expect(progressSubmission('scored', screened('advance'))).toBeUndefined();
    expect(progressSubmission('offer-approved', offer('refused'))).toBeUndefined();
    expect(progressSubmission('offer-approved', scored('advance'))).toBeUndefined();
  });

  it('a scoring seen before its screening still moves the submission on', () => {
    expect(progressSubmission('sourced', scored('review'))).toBe('scored');
  });

  it('a repeated stage changes nothing', () => {
    expect(progressSubmission('screened', screened('advance'))).toBeUndefined();
  });

  it('interview feedback moves needs-interview on: a new screening advances, sends to review or rejects; later stages follow', () => {
    expect(progressSubmission('needs-interview', { kind: 'screened', decision: 'advance' })).toBe('screened');
    expect(progressSubmission('needs-interview', { kind: 'screened', decision: 'review' })).toBe('screened');
    expect(progressSubmission('needs-interview', { kind: 'screened', decision: 'reject' })).toBe('rejected');
    expect(progressSubmission('needs-interview', { kind: 'scored', decision: 'advance', score: 80 })).toBe('scored');
    expect(progressSubmission('needs-interview', { kind: 'offer-decided', decision: 'approved' })).toBe('offer-approved');
    // Scored after the re-screening: the screened stage arriving late does not move it back.
    expect(progressSubmission('scored', { kind: 'screened', decision: 'advance' })).toBeUndefined();
  });

  it('needs-interview from screening shows as its own status, and scoring the same decision keeps it', () => {
    expect(progressSubmission('sourced', { kind: 'screened', decision: 'needs-interview' })).toBe('needs-interview');
    expect(progressSubmission('needs-interview', { kind: 'scored', decision: 'needs-interview', score: 40 })).toBeUndefined();
    expect(progressSubmission('screened', { kind: 'scored', decision: 'needs-interview', score: 40 })).toBe('needs-interview');
  });

  it('a duplicate stays a duplicate', () => {
    expect(progressSubmission('duplicate', screened('advance'))).toBeUndefined();
  });

  describe('a stage is news only when later than the last of its kind', () => {
    const t = (s: number) => new Date(Date.UTC(2026, 11, 3, 10, 0, s));
    const marks: StageMarks = { screened: t(10), scored: null, 'offer-decided': t(20) };

    it('the first stage of a kind is news', () => {
      expect(isNewStage(marks, scored('advance'), t(1))).toBe(true);
    });

    it('a redelivered or older stage of a kind is not, a later one is', () => {
      expect(isNewStage(marks, screened('advance'), t(10))).toBe(false);
      expect(isNewStage(marks, screened('advance'), t(9))).toBe(false);
      expect(isNewStage(marks, screened('advance'), t(11))).toBe(true);
      expect(isNewStage(marks, offer('approved'), t(20))).toBe(false);
    });

    it('each kind has its own mark: a scoring older than the screening is still news', () => {
      expect(isNewStage(marks, scored('advance'), t(5))).toBe(true);
    });
  });
});
