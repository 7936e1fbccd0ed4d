import { Body, Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OpsTokenGuard } from '@hiring/platform';
import type { Interviewer } from './interviewer.repository';
import { RegisterInterviewerDto } from './interviewer.dto';
import { ManageInterviewersService } from './manage-interviewers.service';

@ApiTags('interviewers')
@ApiBearerAuth()
@UseGuards(OpsTokenGuard)
@Controller('v1/interviewers')
export class InterviewersController {
  constructor(private readonly interviewers: ManageInterviewersService) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Register an interviewer (id + display name), or rename and re-activate one' })
  register(@Body() dto: RegisterInterviewerDto): Promise<Interviewer> {
    return this.interviewers.register(dto.interviewerId, dto.displayName);
  }

  @Post(':interviewerId/deactivation')
  @HttpCode(200)
  @ApiOperation({ summary: 'Deactivate an interviewer: their feedback from now on is refused, past feedback stays' })
  deactivate(@Param('interviewerId') interviewerId: string): Promise<Interviewer> {
    return this.interviewers.deactivate(interviewerId);
  }

  @Get()
  @ApiOperation({ summary: 'Every registered interviewer, active or not' })
  list(): Promise<Interviewer[]> {
    return this.interviewers.list();
  }
}
