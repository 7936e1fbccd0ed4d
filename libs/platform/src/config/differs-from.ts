// Two secrets that grant different rights must not be the same value, or
// holding one grants both (e.g. KEY_SERVICE_TOKEN and OPS_TOKEN).
import { registerDecorator, type ValidationArguments } from 'class-validator';

export function DiffersFrom(other: string): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'differsFrom',
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [other],
      validator: {
        validate: (value: unknown, args: ValidationArguments) => value !== (args.object as Record<string, unknown>)[other],
        defaultMessage: (args: ValidationArguments) => `${args.property} must not be the same value as ${other}`,
      },
    });
}
