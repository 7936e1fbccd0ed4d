import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * One strict JSON Schema setup for every untrusted input the domain defines
 * (candidate profiles) and that adapters reuse (CLI inputs, HTTP, Kafka):
 * all errors at once, unknown keywords rejected, formats checked.
 */
export interface ValidationIssue {
  /** Dotted field path, e.g. `base.amount`, `productionSystems[0].name`; `(root)` for the document. */
  path: string;
  message: string;
}

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; errors: ValidationIssue[] };

export type Validator<T> = (input: unknown) => ValidationResult<T>;

function createAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: true });
  addFormats(ajv);
  return ajv;
}

let shared: Ajv | undefined;

function pointerToPath(pointer: string): string {
  if (pointer === '') return '';
  return pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, segment) => (/^\d+$/.test(segment) ? `${path}[${segment}]` : path ? `${path}.${segment}` : segment), '');
}

function join(base: string, child: string): string {
  return base ? `${base}.${child}` : child;
}

function toIssue(error: ErrorObject): ValidationIssue {
  const at = pointerToPath(error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { path: join(at, String(params['missingProperty'])), message: 'is required' };
    case 'additionalProperties':
      return { path: join(at, String(params['additionalProperty'])), message: 'is not an allowed field' };
    case 'enum':
      return {
        path: at || '(root)',
        message: `must be one of ${(params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
      };
    default:
      return { path: at || '(root)', message: error.message ?? 'is invalid' };
  }
}

export function toValidationIssues(errors: readonly ErrorObject[] | null | undefined): ValidationIssue[] {
  const issues = (errors ?? []).map(toIssue);
  // allErrors can report the same problem twice through different keywords.
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.path}\u0000${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Compiles once, validates many times. The schema is trusted (ours); the input is not. */
export function createValidator<T>(schema: object): Validator<T> {
  shared ??= createAjv();
  const validate: ValidateFunction = shared.compile(schema);
  return (input: unknown) =>
    validate(input) ? { ok: true, value: input as T } : { ok: false, errors: toValidationIssues(validate.errors) };
}

export function formatValidationIssues(issues: readonly ValidationIssue[]): string {
  return issues.map((issue) => `${issue.path}: ${issue.message}`).join('\n');
}
