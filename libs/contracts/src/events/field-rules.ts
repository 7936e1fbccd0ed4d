// Composed field rules so every payload bounds its input the same way: an
// event is only as safe as its longest string and its biggest list. Each rule
// has a JSON Schema twin in schemas/common.schema.json (`identifier`,
// `shortText`, `longText`, `timestamp`, ...).
// @Type reads design-time metadata through the Reflect polyfill.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsRFC3339,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

import { SEALED_VALUE_MAX_LENGTH, SEALED_VALUE_PATTERN } from '../sealed-value';

export const ID_MAX_LENGTH = 128;
export const SHORT_TEXT_MAX_LENGTH = 200;
export const LONG_TEXT_MAX_LENGTH = 2000;
/** Ids are opaque but printable and free of `/`, which separates agency and external id in a submission subject. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;
/** Largest amount in whole currency units; far above any salary, small enough to stay an exact integer. */
export const MAX_AMOUNT = 100_000_000;

type Ctor = new () => object;

function compose(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
}

/**
 * Optional means "may be absent", not "may be null": JSON has no undefined,
 * so `null` is validated (and rejected) like any other value. class-validator's
 * own `@IsOptional` lets null through, which the JSON Schemas do not.
 */
export function Optional(): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined);
}

/** Required but may be `null` (e.g. an uncapped total compensation). */
export function Nullable(): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== null);
}

export function Identifier(): PropertyDecorator {
  return compose(IsString(), Length(1, ID_MAX_LENGTH), Matches(ID_PATTERN));
}

/** A label: a name, a title, an audience. */
export function ShortText(): PropertyDecorator {
  return compose(IsString(), Length(1, SHORT_TEXT_MAX_LENGTH));
}

/** Free text from outside: a description, a rationale, an example. */
export function LongText(): PropertyDecorator {
  return compose(IsString(), Length(1, LONG_TEXT_MAX_LENGTH));
}

/** RFC 3339 date-time string (`2026-03-02T09:15:00Z`); events never carry Date objects. */
/** Personal data sealed with the candidate's data key (see sealed-value.ts). */
export function Sealed(): PropertyDecorator {
  return compose(IsString(), Length(1, SEALED_VALUE_MAX_LENGTH), Matches(SEALED_VALUE_PATTERN));
}

export function Timestamp(): PropertyDecorator {
  return compose(IsString(), IsRFC3339());
}

export function OneOf(values: readonly string[]): PropertyDecorator {
  return compose(IsString(), IsIn([...values]));
}

export function IntegerBetween(min: number, max: number): PropertyDecorator {
  return compose(IsInt(), Min(min), Max(max));
}

export function NumberBetween(min: number, max: number): PropertyDecorator {
  return compose(IsNumber({ allowNaN: false, allowInfinity: false }), Min(min), Max(max));
}

export function Flag(): PropertyDecorator {
  return IsBoolean();
}

export function Amount(): PropertyDecorator {
  return IntegerBetween(0, MAX_AMOUNT);
}

/** A nested object; `@IsObject` because `@ValidateNested` alone would accept an array of them. */
export function Nested(cls: () => Ctor): PropertyDecorator {
  return compose(IsObject(), ValidateNested(), Type(cls));
}

/** `IsObject({ each })` because class-validator would otherwise descend into an array nested in the array. */
export function NestedList(cls: () => Ctor, maxItems: number): PropertyDecorator {
  return compose(IsArray(), ArrayMaxSize(maxItems), IsObject({ each: true }), ValidateNested({ each: true }), Type(cls));
}

export function IdentifierList(maxItems: number): PropertyDecorator {
  return compose(IsArray(), ArrayMaxSize(maxItems), IsString({ each: true }), Length(1, ID_MAX_LENGTH, { each: true }), Matches(ID_PATTERN, { each: true }));
}

export function ShortTextList(maxItems: number): PropertyDecorator {
  return compose(IsArray(), ArrayMaxSize(maxItems), IsString({ each: true }), Length(1, SHORT_TEXT_MAX_LENGTH, { each: true }));
}

export function LongTextList(maxItems: number): PropertyDecorator {
  return compose(IsArray(), ArrayMaxSize(maxItems), IsString({ each: true }), Length(1, LONG_TEXT_MAX_LENGTH, { each: true }));
}

export function UniqueChoices(values: readonly string[], maxItems: number): PropertyDecorator {
  return compose(IsArray(), ArrayMaxSize(maxItems), ArrayUnique(), IsString({ each: true }), IsIn([...values], { each: true }));
}
