import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OpsTokenGuard } from '@hiring/platform';
import { RecordInterviewFeedbackDto } from './interview-feedback.dto';
import { RecordInterviewFeedbackService, type RecordedFeedback } from './record-interview-feedback.service';

@ApiTags('interview feedback')
@ApiBearerAuth()
@UseGuards(OpsTokenGuard)
@Controller('v1/interview-feedback')
export class InterviewFeedbackController {
  constructor(private readonly recordFeedback: RecordInterviewFeedbackService) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Record an interview\'s feedback (as recruiting.interview-feedback.v1, notes in plain text): the candidate is re-screened with it' })
  record(@Body() dto: RecordInterviewFeedbackDto): Promise<RecordedFeedback> {
    return this.recordFeedback.fromOps(dto);
  }
}
