// One strict validation setup for everything that crosses a boundary: an HTTP
// body and a Kafka payload are equally untrusted, so both go through the same
// class-transformer + class-validator options and report errors the same way
// (dotted field paths such as `profile.productionSystems[0].evidence.monitoring`).
import { plainToInstance, type ClassConstructor, type ClassTransformOptions } from 'class-transformer';
import { validateSync, type ValidationError, type ValidatorOptions } from 'class-validator';

export interface FieldError {
  /** Dotted path from the validated root; `''` is the root itself. */
  path: string;
  message: string;
}

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/**
 * Structurally a NestJS `ValidationPipeOptions`, so the services' pipe uses
 * exactly what the Kafka path uses (`new ValidationPipe({ ...STRICT_VALIDATION_OPTIONS, exceptionFactory })`).
 * No implicit conversion: the string "5" is not a number on the wire.
 */
export const STRICT_VALIDATION_OPTIONS = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  transform: true,
  transformOptions: { enableImplicitConversion: false, exposeDefaultValues: false } satisfies ClassTransformOptions,
  validationError: { target: false, value: false },
} as const satisfies ValidatorOptions & { transform: boolean; transformOptions: ClassTransformOptions };

export interface ValidatePlainOptions {
  /** Reject properties the class does not declare (default). `false` strips them instead. */
  forbidUnknown?: boolean;
}

/** Keys that would rewrite an instance's prototype when class-transformer assigns them. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Validates an untrusted plain value (e.g. `JSON.parse` output) against a
 * class-validator class and returns the class instance or every error.
 * Never throws for bad input.
 */
export function validatePlain<T extends object>(
  cls: ClassConstructor<T>,
  plain: unknown,
  options: ValidatePlainOptions = {},
): ValidationResult<T> {
  const forbidUnknown = options.forbidUnknown ?? true;
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) {
    return { ok: false, errors: [{ path: '', message: `must be a JSON object, got ${describe(plain)}` }] };
  }
  const poisoned = findPrototypeKeys(plain, '');
  if (poisoned.length > 0) return { ok: false, errors: poisoned };

  const instance = plainToInstance(cls, plain, STRICT_VALIDATION_OPTIONS.transformOptions);
  const errors = validateSync(instance, {
    ...STRICT_VALIDATION_OPTIONS,
    forbidNonWhitelisted: forbidUnknown,
  });
  return errors.length === 0 ? { ok: true, value: instance } : { ok: false, errors: flattenValidationErrors(errors) };
}

/** Flattens class-validator's error tree into dotted paths; array indexes become `[i]`. */
export function flattenValidationErrors(errors: readonly ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const path = joinPath(parent, error.property);
    const own = Object.values(error.constraints ?? {}).map((message) => ({ path, message }));
    return [...own, ...flattenValidationErrors(error.children ?? [], path)];
  });
}

/** `joinPath('data', 'profile')` = `data.profile`; `joinPath('a', '0')` = `a[0]`. */
export function joinPath(parent: string, property: string): string {
  if (/^\d+$/.test(property)) return `${parent}[${property}]`;
  return parent === '' ? property : `${parent}.${property}`;
}

/** Prefixes every path, e.g. payload errors reported inside an envelope under `data`. */
export function prefixErrors(prefix: string, errors: readonly FieldError[]): FieldError[] {
  return errors.map((e) => ({ path: e.path === '' ? prefix : joinPath(prefix, e.path), message: e.message }));
}

function findPrototypeKeys(value: unknown, path: string): FieldError[] {
  if (typeof value !== 'object' || value === null) return [];
  if (Array.isArray(value)) return value.flatMap((item, i) => findPrototypeKeys(item, joinPath(path, String(i))));
  return Object.keys(value).flatMap((key) =>
    PROTOTYPE_KEYS.has(key)
      ? [{ path: joinPath(path, key), message: `property ${key} should not exist` }]
      : findPrototypeKeys((value as Record<string, unknown>)[key], joinPath(path, key)),
  );
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}
