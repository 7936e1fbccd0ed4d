// The event catalogue: for every CloudEvents `type` the pipeline knows, its
// topic, its payload class, what it means and whether it carries personal
// data. Producers, consumers, the AsyncAPI document and docs/events.md are
// all derived from this one map, so an event cannot exist in one place only.
import type { ClassConstructor } from 'class-transformer';
import { CandidateErasedEvent } from './events/candidate-erased.event';
import { CandidateScoredEvent } from './events/candidate-scored.event';
import { CandidateScreenedEvent } from './events/candidate-screened.event';
import { CandidateSourcedEvent } from './events/candidate-sourced.event';
import { OfferDecidedEvent } from './events/offer-decided.event';
import { OfferGuidanceEvent } from './events/offer-guidance.event';
import { InterviewFeedbackEvent } from './events/interview-feedback.event';
import { SubmissionEvent } from './events/submission.event';
import { TOPICS, type TopicName } from './topics';

export const EVENT_TYPES = {
  submission: 'recruiting.submission.v1',
  candidateSourced: 'recruiting.candidate-sourced.v1',
  candidateScreened: 'recruiting.candidate-screened.v1',
  candidateScored: 'recruiting.candidate-scored.v1',
  offerGuidance: 'recruiting.offer-guidance.v1',
  offerDecided: 'recruiting.offer-decided.v1',
  candidateErased: 'recruiting.candidate-erased.v1',
  interviewFeedback: 'recruiting.interview-feedback.v1',
} as const;

export type EventType = (typeof EVENT_TYPES)[keyof typeof EVENT_TYPES];

/** The payload (`data`) type of each event type. */
export interface EventPayloads {
  'recruiting.submission.v1': SubmissionEvent;
  'recruiting.candidate-sourced.v1': CandidateSourcedEvent;
  'recruiting.candidate-screened.v1': CandidateScreenedEvent;
  'recruiting.candidate-scored.v1': CandidateScoredEvent;
  'recruiting.offer-guidance.v1': OfferGuidanceEvent;
  'recruiting.offer-decided.v1': OfferDecidedEvent;
  'recruiting.candidate-erased.v1': CandidateErasedEvent;
  'recruiting.interview-feedback.v1': InterviewFeedbackEvent;
}

export interface PersonalField {
  path: string;
  sealed: boolean;
}

export interface CatalogueEntry<T extends object> {
  topic: TopicName;
  payload: ClassConstructor<T>;
  description: string;
  /** Carries a candidate's identity (name, email, phone): keep it out of logs, dashboards and long retention. */
  containsPii: boolean;
  /**
   * Fields of `data` that hold personal data (identity, or free text that can
   * name the person), and whether each travels sealed with the candidate's data
   * key (readable only while the key exists) or in clear.
   */
  personalData?: PersonalField[];
  /**
   * The CloudEvents `subject`, which is also the Kafka key: the candidate id,
   * so every event about one candidate lands on one partition in order. A
   * submission has no candidate id yet, so it is keyed by the agency's own id.
   */
  subjectOf: (data: T) => string;
  /** Only agencies produce it, and only with an `agencysig` HMAC over `data`. */
  signed: boolean;
}

export type EventCatalogue = { [K in EventType]: CatalogueEntry<EventPayloads[K]> };

const byCandidate = (data: { candidateId: string }): string => data.candidateId;

/** `<agencyId>/<externalId>`: agency ids cannot contain `/`, so the split is unambiguous. */
export function submissionSubject(data: { agencyId: string; externalId: string }): string {
  return `${data.agencyId}/${data.externalId}`;
}

export const EVENT_CATALOGUE: EventCatalogue = {
  'recruiting.submission.v1': {
    topic: TOPICS.submissions,
    payload: SubmissionEvent,
    description:
      "A staffing agency submits a sourced candidate for a requisition: identity, contact and the profile facts screening reads. Signed by the agency (HMAC-SHA256 in the `agencysig` extension); `externalId` makes a resubmission a no-op.",
    containsPii: true,
    // Produced by agencies, who hold no data keys: in clear, kept 14 days, read only by sourcing.
    personalData: [
      { path: 'candidate', sealed: false },
      { path: 'profile', sealed: false },
    ],
    subjectOf: submissionSubject,
    signed: true,
  },
  'recruiting.candidate-sourced.v1': {
    topic: TOPICS.candidateSourced,
    payload: CandidateSourcedEvent,
    description:
      'Sourcing accepted a submission: the candidate has an id and an owning agency. Carries the profile (facts, free text) sealed with the candidate\'s data key, not the name, email or phone.',
    containsPii: false,
    personalData: [
      { path: 'sealedProfile', sealed: true },
      { path: 'profile', sealed: false },
    ],
    subjectOf: byCandidate,
    signed: false,
  },
  'recruiting.candidate-screened.v1': {
    topic: TOPICS.candidateScreened,
    payload: CandidateScreenedEvent,
    description:
      'Screening verdict (advance, review, reject) with every rubric rule, whether it was met, the quoted evidence, and the rubric id and version that produced it.',
    containsPii: false,
    subjectOf: byCandidate,
    signed: false,
  },
  'recruiting.candidate-scored.v1': {
    topic: TOPICS.candidateScored,
    payload: CandidateScoredEvent,
    description:
      'Current explainable score (0..100) of a candidate: points per group and rule, penalties of raised red flags, rubric version. Compacted, no PII, tombstoned on erasure; dashboards read it from offset 0.',
    containsPii: false,
    subjectOf: byCandidate,
    signed: false,
  },
  'recruiting.offer-guidance.v1': {
    topic: TOPICS.offerGuidance,
    payload: OfferGuidanceEvent,
    description:
      'Market band for an eligible candidate from the rate card in force: base range (its minimum is the floor) and total compensation (max null = uncapped), in the currency of the location.',
    containsPii: false,
    subjectOf: byCandidate,
    signed: false,
  },
  'recruiting.offer-decided.v1': {
    topic: TOPICS.offerDecided,
    payload: OfferDecidedEvent,
    description:
      'An offer approved or refused against the salary floor of the rate card version in force: the floor, the gap, coded reasons, and the override (approver, reason) when one allowed it below the floor.',
    containsPii: false,
    subjectOf: byCandidate,
    signed: false,
  },
  'recruiting.candidate-erased.v1': {
    topic: TOPICS.candidateErased,
    payload: CandidateErasedEvent,
    description:
      'A candidate was erased: every service deletes what it holds about them and writes tombstones (null values keyed by the candidate id) to its compacted topics.',
    containsPii: false,
    subjectOf: byCandidate,
    signed: false,
  },
  'recruiting.interview-feedback.v1': {
    topic: TOPICS.interviewFeedback,
    payload: InterviewFeedbackEvent,
    description:
      "An interviewer's answers to the interview kit: per rubric rule id confirmed / not-confirmed and the communication rating. Screening re-decides the candidate with them and emits a new candidate-screened. The notes (free text about the candidate) travel only sealed with the candidate's data key, so an erasure shreds every copy.",
    containsPii: false,
    personalData: [{ path: 'sealedNotes', sealed: true }],
    subjectOf: byCandidate,
    signed: false,
  },
};

export const ALL_EVENT_TYPES: readonly EventType[] = Object.values(EVENT_TYPES);

export function isEventType(value: unknown): value is EventType {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(EVENT_CATALOGUE, value);
}

/** Typed lookup; the mapped type keeps `payload` and `subjectOf` tied to the same `T`. */
export function catalogueEntry<K extends EventType>(type: K): CatalogueEntry<EventPayloads[K]> {
  return EVENT_CATALOGUE[type];
}
