// Config is a validated class per app, read once at boot. A missing or bad
// variable stops the process with a message that names it, instead of a
// confusing failure minutes later at the first Kafka or database call.
import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

// Quotes the variable as it was given, not as converted (`PORT="abc"`, not NaN).
function describe(errors: ValidationError[], raw: Record<string, unknown>): string[] {
  return errors.map(
    (e) => `${e.property}=${JSON.stringify(raw[e.property])}: ${Object.values(e.constraints ?? {}).join('; ')}`,
  );
}

/** Builds a config instance from environment variables; defaults live on the class. */
export function loadConfig<T extends object>(cls: new () => T, env: NodeJS.ProcessEnv = process.env): T {
  const defaults = new cls() as Record<string, unknown>;
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(defaults)) raw[key] = env[key] ?? defaults[key];
  const config = plainToInstance(cls, raw, { enableImplicitConversion: true });
  const errors = validateSync(config, { whitelist: true });
  if (errors.length > 0) throw new ConfigError(describe(errors, raw));
  return config;
}
