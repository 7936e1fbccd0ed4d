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
 * A DTO's own check of the usual body: the value as the pipe would hand it
 * to the route (whitelisted, transformed) when the body is certainly valid,
 * or undefined, and then class-validator judges it and names what is wrong.
 * It may be stricter than the DTO's decorators, never looser: a test per DTO
 * compares the two on valid and invalid bodies.
 */
export type PlainBodyCheck<T> = (body: Record<string, unknown>) => T | undefined;

const plainBodyChecks = new WeakMap<object, PlainBodyCheck<unknown>>();

/**
 * Lets the validation pipe accept a body of this DTO class with `check`
 * (after the depth and text checks), before it copies the body into
 * instances and walks class-validator's metadata: on a hot route (a single
 * POST /v1/submissions with a ~3 KB profile) that work is spent on a body
 * that is valid anyway. Only for request bodies. The pipe also deletes
 * `__proto__`, `prototype` and `constructor` keys anywhere in a body: a check
 * must decline a body that holds one where it does not forbid unknown keys.
 */
export function CheckedPlainlyBy<T>(check: PlainBodyCheck<T>): ClassDecorator {
  return (target) => {
    plainBodyChecks.set(target, check);
  };
}

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
      const check = metadata.type === 'body' && hasDto ? plainBodyChecks.get(metadata.metatype as object) : undefined;
      if (check && typeof value === 'object' && value !== null && !Array.isArray(value)) {
        const checked = check(value as Record<string, unknown>);
        if (checked !== undefined) return checked;
      }
    }
    return super.transform(value, metadata);
  }
}

/** One strict setup for every HTTP body: unknown fields are errors, not silently dropped. */
export function strictValidationPipe(): ValidationPipe {
  return new StrictValidationPipe();
}
