import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';

/** An interviewer is an id and a display name: nothing else about the person is needed to weigh their feedback. */
export class RegisterInterviewerDto {
  @ApiProperty({ example: 'int-priya-r', description: 'Stable id the interview tool uses in recruiting.interview-feedback.v1.' })
  @IsString() @Length(1, 128) @Matches(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/)
  interviewerId!: string;

  @ApiProperty({ example: 'Priya R.', description: 'How ops and recruiters recognise the interviewer.' })
  @IsString() @Length(1, 200)
  displayName!: string;
}
