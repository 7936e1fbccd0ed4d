import { ArgumentMetadata, Injectable, ValidationError, ValidationPipe } from '@nestjs/common';
import { inspectInput, MAX_JSON_DEPTH } from './input-inspection';
import { FieldError, PROBLEM_BASE, ProblemException, validationProblem } from './problem-details.filter';

/** Flattens class-validator's tree into dotted field paths (`profile.systems[0].name`). */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((e) => {
    const path = /^\d+$/.test(e.property) ? `${parent}[${e.property}]` : parent ? `${parent}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ path, message }));
    return [...own, ...flattenValidationErrors(e.children ?? [], path)];
  });
}

export function tooDeepProblem(maxDepth = MAX_JSON_DEPTH): ProblemException {
  return new ProblemException({
    type: PROBLEM_BASE + 'too-deep',
    title: 'Input nested too deeply',
    status: 400,
    detail: `The JSON input is nested deeper than ${maxDepth} levels of objects and arrays, the most this service accepts.`,
    maxDepth,
  });
}

const PLAIN_TYPES: unknown[] = [String, Boolean, Number, Array, Object];

/**
 * Strict validation with the input checks in front: depth first (before
 * class-transformer recurses), then text that Postgres cannot store, per field.
 * A body without a DTO class (the bulk route) is only depth-checked here:
 * its items are judged one by one by the route itself.
 */
@Injectable()
export class StrictValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) => validationProblem(flattenValidationErrors(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query') {
      const hasDto = metadata.metatype !== undefined && !PLAIN_TYPES.includes(metadata.metatype);
      // A body without a DTO is a list the route judges item by item: one more level for the list itself.
      const inspection = inspectInput(value, hasDto ? MAX_JSON_DEPTH : MAX_JSON_DEPTH + 1);
      if (inspection.tooDeep) throw tooDeepProblem();
      if (hasDto && inspection.errors.length > 0) throw validationProblem(inspection.errors);
    }
    return super.transform(value, metadata);
  }
}

/** One strict setup for every HTTP body: unknown fields are errors, not silently dropped. */
export function strictValidationPipe(): ValidationPipe {
  return new StrictValidationPipe();
}
