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

function describe(errors: ValidationError[]): string[] {
  return errors.flatMap((e) =>
    Object.values(e.constraints ?? {}).map(
      (message) => `${e.property}=${JSON.stringify(e.value)}: ${message.replace(e.property, 'value')}`,
    ),
  );
}

/** Builds a config instance from environment variables; defaults live on the class. */
export function loadConfig<T extends object>(cls: new () => T, env: NodeJS.ProcessEnv = process.env): T {
  const defaults = new cls() as Record<string, unknown>;
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(defaults)) raw[key] = env[key] ?? defaults[key];
  const config = plainToInstance(cls, raw, { enableImplicitConversion: true });
  const errors = validateSync(config, { whitelist: true });
  if (errors.length > 0) throw new ConfigError(describe(errors));
  return config;
}
