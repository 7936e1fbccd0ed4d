import { vacuumByInsertsMigration } from '@hiring/platform';
import { messagingMigrations } from '@hiring/messaging';
import { CreateScreeningSchema1764100000000 } from './migrations/1764100000000-CreateScreeningSchema';
import { NeedsInterviewAndKit1764908000000 } from './migrations/1764908000000-NeedsInterviewAndKit';
import { InterviewFeedback1796301924197 } from './migrations/1796301924197-InterviewFeedback';
import { SealScreeningPersonalData1796302733487 } from './migrations/1796302733487-SealScreeningPersonalData';
import { CheaperScreeningInserts1796325894471 } from './migrations/1796325894471-CheaperScreeningInserts';
import { KeepSealedScreeningsInline1796361647052 } from './migrations/1796361647052-KeepSealedScreeningsInline';
import { CandidateProfileEntity } from '../screenings/candidate-profile.entity';
import { ScreeningEntity } from '../screenings/screening.entity';

export const SCREENING_SCHEMA = 'screening';

/** The screening service owns the Postgres schema "screening" and nothing else (outbox and inbox included). */
export const SCREENING_DATABASE = {
  schema: SCREENING_SCHEMA,
  entities: [CandidateProfileEntity, ScreeningEntity],
  migrations: [
    CreateScreeningSchema1764100000000,
    NeedsInterviewAndKit1764908000000,
    InterviewFeedback1796301924197,
    ...messagingMigrations(SCREENING_SCHEMA),
    SealScreeningPersonalData1796302733487,
    CheaperScreeningInserts1796325894471,
    KeepSealedScreeningsInline1796361647052,
    vacuumByInsertsMigration('VacuumByInserts1796451000001', [`${SCREENING_SCHEMA}.screenings`, `${SCREENING_SCHEMA}.candidate_profiles`]),
  ],
};
