import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FEEDBACK_NOTE_MAX_LENGTH, FEEDBACK_OUTCOMES, MAX_FEEDBACK_ANSWERS, type FeedbackOutcome } from '@hiring/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsObject, IsOptional, IsRFC3339, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;

export class RuleAnswerDto {
  @ApiProperty({ example: 'lead.course-correction' })
  @IsString() @Length(1, 128) @Matches(ID)
  ruleId!: string;

  @ApiProperty({ enum: FEEDBACK_OUTCOMES })
  @IsIn([...FEEDBACK_OUTCOMES])
  outcome!: FeedbackOutcome;

  @ApiPropertyOptional({ maxLength: FEEDBACK_NOTE_MAX_LENGTH, description: 'Personal data: sealed with the candidate\'s data key before it is stored.' })
  @IsOptional() @IsString() @Length(1, FEEDBACK_NOTE_MAX_LENGTH)
  note?: string;
}

/**
 * The ops route's body: recruiting.interview-feedback.v1's data with the
 * notes in plain text beside each answer. Screening seals them and then
 * validates the result with the event's own contract (one validation).
 */
export class RecordInterviewFeedbackDto {
  @ApiProperty({ example: 'fb-31c9d0e2' }) @IsString() @Length(1, 128) @Matches(ID) feedbackId!: string;
  @ApiProperty() @IsString() @Length(1, 128) @Matches(ID) candidateId!: string;
  @ApiProperty({ example: 'int-priya-r' }) @IsString() @Length(1, 128) @Matches(ID) interviewerId!: string;
  @ApiProperty({ example: '2026-12-02T10:00:00Z' }) @IsString() @IsRFC3339() interviewedAt!: string;
  @ApiProperty({ minimum: 1, maximum: 5 }) @IsInt() @Min(1) @Max(5) communicationRating!: number;

  @ApiProperty({ type: [RuleAnswerDto] })
  @IsArray() @ArrayMaxSize(MAX_FEEDBACK_ANSWERS) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => RuleAnswerDto)
  answers!: RuleAnswerDto[];
}
