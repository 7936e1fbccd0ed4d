import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import { DomainError } from '@hiring/domain';
import { ProblemDetailsFilter, ProblemException } from '@hiring/platform';
import { OfferException } from './offer.exception';
import { toProblem } from './offer-problem.mapper';

/** Turns domain and offer exceptions into problem+json, then lets the platform's filter write it. */
@Catch(DomainError, OfferException)
export class OfferProblemFilter implements ExceptionFilter {
  private readonly problems = new ProblemDetailsFilter();

  catch(error: DomainError | OfferException, host: ArgumentsHost): void {
    this.problems.catch(new ProblemException(toProblem(error)), host);
  }
}
