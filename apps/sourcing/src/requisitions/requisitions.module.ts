import { Module } from '@nestjs/common';
import { AgenciesModule } from '../agencies/agencies.module';
import { AgencyRequisitionsController } from './agency-requisitions.controller';
import { CloseRequisitionService } from './close-requisition.service';
import { CreateRequisitionService } from './create-requisition.service';
import { FindRequisitionsService } from './find-requisitions.service';
import { RequisitionRepository } from './requisition.repository';
import { RequisitionsController } from './requisitions.controller';

@Module({
  imports: [AgenciesModule],
  controllers: [RequisitionsController, AgencyRequisitionsController],
  providers: [RequisitionRepository, CreateRequisitionService, FindRequisitionsService, CloseRequisitionService],
  exports: [RequisitionRepository],
})
export class RequisitionsModule {}
