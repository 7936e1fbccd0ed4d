import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, ValidateIf } from 'class-validator';
import { PageQuery } from '../shared/page-query.dto';

export class ListRejectionsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'date-time', description: 'Only rejections at or after this time' })
  @ValidateIf((_q: object, v: unknown) => v !== undefined)
  @IsISO8601({ strict: true })
  since?: string;
}

export class FieldProblemResponse {
  @ApiProperty({ example: 'data.profile.yearsOfExperience' }) path!: string;
  @ApiProperty() message!: string;
}

export class SubmissionRejectionResponse {
  @ApiProperty({ format: 'uuid' }) rejectionId!: string;
  @ApiPropertyOptional({ description: 'The externalId of the refused submission, when it could be read' }) externalId?: string;
  @ApiPropertyOptional({ description: 'The CloudEvents id of the refused record' }) eventId?: string;
  @ApiProperty({ example: 'UNKNOWN_REQUISITION', description: 'Why it was dead-lettered (docs/agencies.md lists the codes)' }) reasonCode!: string;
  @ApiProperty({ example: 'The requisition does not exist.' }) reason!: string;
  @ApiProperty({ type: [FieldProblemResponse], description: 'The fields at fault; empty for an internal failure' }) errors!: FieldProblemResponse[];
  @ApiProperty({ format: 'date-time', description: 'When it was dead-lettered' }) rejectedAt!: string;
}

export class SubmissionRejectionPage {
  @ApiProperty({ type: [SubmissionRejectionResponse] }) items!: SubmissionRejectionResponse[];
  @ApiPropertyOptional({ description: 'Present when more rejections follow: pass it as `cursor`' }) nextCursor?: string;
}
