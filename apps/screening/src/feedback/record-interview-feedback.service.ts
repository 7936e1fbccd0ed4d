import { Injectable, Logger } from '@nestjs/common';
import { FEEDBACK_NOTE_MAX_LENGTH, interviewNotesContext, InterviewFeedbackEvent, validatePlain } from '@hiring/contracts';
import { feedbackProblems, screenWithFeedback } from '@hiring/domain';
import { Clock, openJson, sealJson, SealedValueError, Transactions, type Tx } from '@hiring/platform';
import { InterviewerRepository } from '../interviewers/interviewer.repository';
import { CandidateKeysClient } from '../personal-data/candidate-keys.client';
import type { CandidateKeys } from '../personal-data/open-sourced-profiles';
import { keyOf, sealScreening } from '../personal-data/sealed-screening';
import { RubricCatalogue } from '../screenings/rubric-catalogue';
import { ScreeningEventsPublisher } from '../screenings/screening-events.publisher';
import { toCandidateInputFromEntity, toScreening } from '../screenings/screening.mapper';
import { ScreeningRepository } from '../screenings/screening.repository';
import { ScreeningException, ScreeningExceptionCode } from '../shared/screening.exception';
import type { RecordInterviewFeedbackDto } from './interview-feedback.dto';
import { InterviewFeedbackRepository } from './interview-feedback.repository';

export interface RecordedFeedback {
  /** Feedback ids recorded now. */
  recorded: string[];
  /** Feedback ids recorded before: nothing changed. */
  duplicates: string[];
  /** Candidates re-screened and published. */
  rescreened: number;
}

const refuse = (code: ScreeningExceptionCode, message: string, path: string) => new ScreeningException(code, message, [{ path, message }]);

/**
 * Records interviewer feedback and re-decides each candidate with it: the
 * stored profile screened under the candidate's rubric version, then every
 * recorded feedback applied (domain `screenWithFeedback`), stored as the next
 * revision and emitted as candidate-screened, all in the caller's transaction.
 * Kafka and the ops route both end here; a refusal throws with its reason.
 */
@Injectable()
export class RecordInterviewFeedbackService {
  private readonly logger = new Logger(RecordInterviewFeedbackService.name);

  constructor(
    private readonly transactions: Transactions,
    private readonly screenings: ScreeningRepository,
    private readonly feedback: InterviewFeedbackRepository,
    private readonly interviewers: InterviewerRepository,
    private readonly rubrics: RubricCatalogue,
    private readonly publisher: ScreeningEventsPublisher,
    private readonly candidateKeys: CandidateKeysClient,
    private readonly clock: Clock,
  ) {}

  /** The ops route: seals the plain notes with the candidate's key, checks the result with the event contract, records it. */
  async fromOps(dto: RecordInterviewFeedbackDto): Promise<RecordedFeedback> {
    const keys = await this.candidateKeys.lookup([dto.candidateId]).catch((error: unknown) => {
      // The Kafka path pauses and retries; an HTTP caller is told to try again.
      throw new ScreeningException(ScreeningExceptionCode.KEY_STORE_UNAVAILABLE, `sourcing (the key store) did not answer: ${error instanceof Error ? error.message : String(error)}`);
    });
    this.refuseErased(dto.candidateId, keys);
    const notes = Object.fromEntries(dto.answers.flatMap((a) => (a.note === undefined ? [] : [[a.ruleId, a.note]])));
    const key = keys.keys.get(dto.candidateId);
    if (Object.keys(notes).length > 0 && !key) {
      throw refuse(ScreeningExceptionCode.CANDIDATE_NOT_FOUND, `sourcing holds no data key for candidate ${dto.candidateId}: notes cannot be sealed`, 'candidateId');
    }
    const plain = {
      feedbackId: dto.feedbackId,
      candidateId: dto.candidateId,
      interviewerId: dto.interviewerId,
      interviewedAt: dto.interviewedAt,
      communicationRating: dto.communicationRating,
      answers: dto.answers.map((a) => ({ ruleId: a.ruleId, outcome: a.outcome })),
      ...(key && Object.keys(notes).length > 0 ? { sealedNotes: sealJson(key, notes, interviewNotesContext(dto.candidateId)) } : {}),
    };
    const checked = validatePlain(InterviewFeedbackEvent, plain);
    if (!checked.ok) throw new ScreeningException(ScreeningExceptionCode.INVALID_FEEDBACK, 'interview feedback fails the event contract', checked.errors);
    const outcome = await this.transactions.run((tx) => this.execute(tx, [checked.value], keys));
    if (outcome.duplicates.length > 0) {
      throw refuse(ScreeningExceptionCode.DUPLICATE_FEEDBACK, `feedback ${dto.feedbackId} was recorded before; nothing changed`, 'feedbackId');
    }
    return outcome;
  }

  async execute(tx: Tx, items: readonly InterviewFeedbackEvent[], keys: CandidateKeys): Promise<RecordedFeedback> {
    const candidateIds = [...new Set(items.map((i) => i.candidateId))];
    // One query each for the batch, in turn: they share the transaction's connection.
    const profiles = await this.screenings.findProfiles(tx, candidateIds);
    const latest = await this.screenings.findLatest(tx, candidateIds);
    const active = await this.interviewers.findActive(tx, items.map((i) => i.interviewerId));
    for (const item of items) {
      this.refuseErased(item.candidateId, keys);
      const screening = latest.get(item.candidateId);
      if (!profiles.has(item.candidateId) || !screening) {
        throw refuse(ScreeningExceptionCode.CANDIDATE_NOT_FOUND, `candidate ${item.candidateId} was never screened here`, 'data.candidateId');
      }
      if (!active.has(item.interviewerId)) {
        throw refuse(ScreeningExceptionCode.UNKNOWN_INTERVIEWER, `interviewer ${item.interviewerId} is not registered or was deactivated`, 'data.interviewerId');
      }
      const problems = feedbackProblems(item, screening.rules);
      if (problems.length > 0) {
        throw new ScreeningException(
          ScreeningExceptionCode.RULE_NOT_IN_RUBRIC,
          `${problems.map((p) => `${p.ruleId} ${p.message}`).join('; ')} (rubric ${screening.rubricId}@${screening.rubricVersion})`,
          problems.map((p) => ({ path: `data.answers[${item.answers.findIndex((a) => a.ruleId === p.ruleId)}].ruleId`, message: `${p.ruleId} ${p.message}` })),
        );
      }
      this.checkNotes(item, keys);
    }

    const now = this.clock.now();
    const recorded = await this.feedback.record(tx, items, now);
    const duplicates = items.filter((i) => !recorded.has(i.feedbackId)).map((i) => i.feedbackId);
    if (duplicates.length > 0) this.logger.log(`${duplicates.length} interview feedback(s) recorded before, skipped: ${duplicates.join(', ')}`);
    const changed = [...new Set(items.filter((i) => recorded.has(i.feedbackId)).map((i) => i.candidateId))];
    const all = await this.feedback.findByCandidates(tx, changed);
    const rescreened = changed.flatMap((candidateId) => {
      const profile = profiles.get(candidateId);
      const before = latest.get(candidateId);
      if (!profile || !before) return []; // every item was checked for both above
      const input = toCandidateInputFromEntity(profile, keys.keys.get(candidateId));
      const rubric = this.rubrics.byVersion(input.role, before.rubricVersion);
      if (!rubric) throw new Error(`rubric ${before.rubricId}@${before.rubricVersion} of a stored screening is not in the catalogue`);
      const feedback = all.get(candidateId) ?? [];
      return [toScreening(input, screenWithFeedback(input.profile, rubric, feedback), now, feedback.length)];
    });
    const stored = await this.screenings.saveScreenings(tx, rescreened.map((s) => sealScreening(keyOf(keys.keys, s.candidateId), s)));
    await this.publisher.candidatesScreened(tx, rescreened.filter((s) => stored.has(s.candidateId)));
    return { recorded: [...recorded], duplicates, rescreened: stored.size };
  }

  private refuseErased(candidateId: string, keys: CandidateKeys): void {
    if (keys.erased.has(candidateId)) {
      throw refuse(ScreeningExceptionCode.CANDIDATE_ERASED, `candidate ${candidateId} was erased: no feedback is recorded about them`, 'data.candidateId');
    }
  }

  /** Notes must open with the candidate's key and hold one short note per answered rule id, nothing else. */
  private checkNotes(item: InterviewFeedbackEvent, keys: CandidateKeys): void {
    if (item.sealedNotes === undefined) return;
    const key = keys.keys.get(item.candidateId);
    let notes: unknown;
    try {
      if (!key) throw new SealedValueError('no data key');
      notes = openJson(key, item.sealedNotes, interviewNotesContext(item.candidateId));
    } catch (error) {
      if (!(error instanceof SealedValueError)) throw error;
      throw refuse(ScreeningExceptionCode.INVALID_FEEDBACK, 'sealedNotes does not open with the candidate\'s data key', 'data.sealedNotes');
    }
    const answered = new Set(item.answers.map((a) => a.ruleId));
    const valid =
      typeof notes === 'object' && notes !== null && !Array.isArray(notes) &&
      Object.entries(notes).every(([ruleId, note]) => answered.has(ruleId) && typeof note === 'string' && note.length >= 1 && note.length <= FEEDBACK_NOTE_MAX_LENGTH);
    if (!valid) {
      throw refuse(ScreeningExceptionCode.INVALID_FEEDBACK, `sealedNotes must hold {"<answered ruleId>": "<note of 1..${FEEDBACK_NOTE_MAX_LENGTH} characters>"}`, 'data.sealedNotes');
    }
  }
}
