import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import { DomainError } from '@hiring/domain';
import { ProblemDetailsFilter, ProblemException } from '@hiring/platform';
import { toProblem } from './offer-problem.mapper';

/** Turns domain errors into problem+json, then lets the platform's filter write it (OfferException goes straight there). */
@Catch(DomainError)
export class OfferProblemFilter implements ExceptionFilter {
  private readonly problems = new ProblemDetailsFilter();

  catch(error: DomainError, host: ArgumentsHost): void {
    this.problems.catch(new ProblemException(toProblem(error)), host);
  }
}
