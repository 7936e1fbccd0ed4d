import { createMessagingMigration } from '@hiring/messaging';
import { AgencyApiKeyEntity } from '../agencies/agency-api-key.entity';
import { AgencyEntity } from '../agencies/agency.entity';
import { RequisitionEntity } from '../requisitions/requisition.entity';
import { CandidateEntity } from '../submissions/candidate.entity';
import { SubmissionEntity } from '../submissions/submission.entity';
import { CreateSourcingSchema1764100000000 } from './migrations/1764100000000-CreateSourcingSchema';
import { CreateErasures1764200000000 } from './migrations/1764200000000-CreateErasures';
import { CreateCandidateDataKeys1764510000000 } from './migrations/1764510000000-CreateCandidateDataKeys';

/** The sourcing service owns the Postgres schema "sourcing" and nothing else. */
export const SOURCING_DATABASE = {
  schema: 'sourcing',
  entities: [AgencyEntity, AgencyApiKeyEntity, RequisitionEntity, SubmissionEntity, CandidateEntity],
  migrations: [CreateSourcingSchema1764100000000, createMessagingMigration('sourcing'), CreateErasures1764200000000, CreateCandidateDataKeys1764510000000],
};
