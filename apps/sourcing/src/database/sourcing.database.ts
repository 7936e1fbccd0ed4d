import { messagingMigrations } from '@hiring/messaging';
import { MasterKeyRing, vacuumByInsertsMigration } from '@hiring/platform';
import { AgencyApiKeyEntity } from '../agencies/agency-api-key.entity';
import { AgencyEntity } from '../agencies/agency.entity';
import { IdentifierIndex } from '../personal-data/identifier-index';
import { RequisitionEntity } from '../requisitions/requisition.entity';
import type { SourcingConfig } from '../sourcing.config';
import { CandidateEntity } from '../submissions/candidate.entity';
import { SubmissionEntity } from '../submissions/submission.entity';
import { CreateSourcingSchema1764100000000 } from './migrations/1764100000000-CreateSourcingSchema';
import { CreateErasures1764200000000 } from './migrations/1764200000000-CreateErasures';
import { CreateCandidateDataKeys1764510000000 } from './migrations/1764510000000-CreateCandidateDataKeys';
import { CreateWebhooks1796301700347 } from './migrations/1796301700347-CreateWebhooks';
import { CreateSubmissionRejections1796301722190 } from './migrations/1796301722190-CreateSubmissionRejections';
import { IndexAgencySubmissionsByUpdate1796303902152 } from './migrations/1796303902152-IndexAgencySubmissionsByUpdate';
import { IndexAgencySubmissionsByFilter1796305092950 } from './migrations/1796305092950-IndexAgencySubmissionsByFilter';
import { KeyedRequestHash1796316356907 } from './migrations/1796316356907-KeyedRequestHash';
import { CheaperStatusWriteBack1796325062559 } from './migrations/1796325062559-CheaperStatusWriteBack';
import { NotifyApiKeyChanges1796326687542 } from './migrations/1796326687542-NotifyApiKeyChanges';
import { SubmissionStatesOfTheirOwn1796336788705 } from './migrations/1796336788705-SubmissionStatesOfTheirOwn';
import { IndexOnlyDuplicatesBySealedFor1796337703665 } from './migrations/1796337703665-IndexOnlyDuplicatesBySealedFor';
import { KeepSealedSubmissionsInline1796361647052 } from './migrations/1796361647052-KeepSealedSubmissionsInline';
import { NoForeignKeyChecksOnTheIntake1796362555076 } from './migrations/1796362555076-NoForeignKeyChecksOnTheIntake';
import { StatesNameTheirSubmission1796363000000 } from './migrations/1796363000000-StatesNameTheirSubmission';
import { sealSubmissionPersonalDataMigration } from '../personal-data/seal-stored-personal-data.migration';
import { sealAgencySigningSecretsMigration } from '../agencies/seal-agency-signing-secrets.migration';

/**
 * The sourcing service owns the Postgres schema "sourcing" and nothing else.
 * A function of the configuration: the migrations that seal existing
 * personal data and agencies' signing secrets need the master keys and the
 * identifier index key.
 */
export function sourcingDatabase(config: Pick<SourcingConfig, 'PERSONAL_DATA_MASTER_KEYS' | 'PERSONAL_DATA_INDEX_KEY'>) {
  const ring = MasterKeyRing.parse(config.PERSONAL_DATA_MASTER_KEYS);
  return {
    schema: 'sourcing',
    entities: [AgencyEntity, AgencyApiKeyEntity, RequisitionEntity, SubmissionEntity, CandidateEntity],
    migrations: [
      CreateSourcingSchema1764100000000,
      ...messagingMigrations('sourcing'),
      CreateErasures1764200000000,
      CreateCandidateDataKeys1764510000000,
      sealSubmissionPersonalDataMigration(ring, new IdentifierIndex(config.PERSONAL_DATA_INDEX_KEY)),
      CreateWebhooks1796301700347,
      CreateSubmissionRejections1796301722190,
      IndexAgencySubmissionsByUpdate1796303902152,
      IndexAgencySubmissionsByFilter1796305092950,
      KeyedRequestHash1796316356907,
      CheaperStatusWriteBack1796325062559,
      NotifyApiKeyChanges1796326687542,
      sealAgencySigningSecretsMigration(ring),
      SubmissionStatesOfTheirOwn1796336788705,
      IndexOnlyDuplicatesBySealedFor1796337703665,
      KeepSealedSubmissionsInline1796361647052,
      NoForeignKeyChecksOnTheIntake1796362555076,
      StatesNameTheirSubmission1796363000000,
      // Insert-only tables; submission_states (two updates per submission) keeps the default.
      vacuumByInsertsMigration('VacuumByInserts1796451000001', [
        'sourcing.submissions',
        'sourcing.candidates',
        'sourcing.candidate_identifiers',
        'sourcing.candidate_data_keys',
        'sourcing.submission_status_history',
      ]),
    ],
  };
}
