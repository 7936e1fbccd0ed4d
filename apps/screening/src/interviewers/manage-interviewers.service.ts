import { Injectable } from '@nestjs/common';
import { Clock } from '@hiring/platform';
import { ScreeningException, ScreeningExceptionCode } from '../shared/screening.exception';
import { InterviewerRepository, type Interviewer } from './interviewer.repository';

/** The registry's use cases: register (or re-activate), deactivate, list. */
@Injectable()
export class ManageInterviewersService {
  constructor(
    private readonly interviewers: InterviewerRepository,
    private readonly clock: Clock,
  ) {}

  register(interviewerId: string, displayName: string): Promise<Interviewer> {
    return this.interviewers.register(interviewerId, displayName, this.clock.now());
  }

  async deactivate(interviewerId: string): Promise<Interviewer> {
    const interviewer = await this.interviewers.deactivate(interviewerId, this.clock.now());
    if (!interviewer) {
      throw new ScreeningException(ScreeningExceptionCode.UNKNOWN_INTERVIEWER, `interviewer ${interviewerId} is not registered`, [
        { path: 'interviewerId', message: `unknown interviewer ${interviewerId}` },
      ]);
    }
    return interviewer;
  }

  list(): Promise<Interviewer[]> {
    return this.interviewers.list();
  }
}
