import { isIsoDay } from '@hiring/domain';
import { registerDecorator, ValidationOptions } from 'class-validator';

/** A real calendar day written YYYY-MM-DD (rejects 2026-02-30), as the domain reads it. */
export function IsCalendarDay(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCalendarDay',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be a calendar day (YYYY-MM-DD)', ...options },
      validator: { validate: (value: unknown) => isIsoDay(value) },
    });
}
