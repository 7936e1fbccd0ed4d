// The domain's INVALID_INPUT is the caller's mistake (400); any other domain
// error reaching a sourcing route is our bug and left to the platform's 500.
// SourcingException needs no filter: the platform reads its code's mapping.
import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import { PROBLEM_BASE, ProblemDetailsFilter, ProblemException } from '@hiring/platform';
import { DomainError, DomainErrorCode } from '@hiring/domain';

@Catch(DomainError)
export class SourcingProblemFilter implements ExceptionFilter {
  private readonly problems = new ProblemDetailsFilter();

  catch(exception: DomainError, host: ArgumentsHost): void {
    if (exception.code === DomainErrorCode.INVALID_INPUT) {
      const problem = { type: PROBLEM_BASE + 'validation', title: 'Invalid request', status: 400, detail: exception.message, code: exception.code };
      this.problems.catch(new ProblemException(problem), host);
    } else {
      this.problems.catch(exception, host);
    }
  }
}
