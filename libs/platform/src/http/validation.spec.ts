import 'reflect-metadata';
import type { ArgumentMetadata } from '@nestjs/common';
import { IsString, Length } from 'class-validator';
import { ProblemException } from './problem-details.filter';
import { CheckedPlainlyBy, strictValidationPipe } from './validation';

const seen: unknown[] = [];

/** Certainly valid: a name of 1 to 10 lowercase letters, nothing else; anything else goes to class-validator. */
function plainNote(body: Record<string, unknown>): NoteDto | undefined {
  seen.push(body);
  const keys = Object.keys(body);
  // A plain object, not an instance: the tests tell by that which way a body went.
  return keys.length === 1 && typeof body['name'] === 'string' && /^[a-z]{1,10}$/.test(body['name']) ? { name: body['name'] } : undefined;
}

@CheckedPlainlyBy(plainNote)
class NoteDto {
  @IsString() @Length(1, 10) name!: string;
}

class UncheckedDto {
  @IsString() name!: string;
}

const body = (metatype: ArgumentMetadata['metatype']): ArgumentMetadata => ({ type: 'body', metatype });

async function problemOf(work: Promise<unknown>): Promise<unknown> {
  try {
    await work;
  } catch (error) {
    if (error instanceof ProblemException) return error.getResponse();
    throw error;
  }
  throw new Error('expected a problem');
}

describe('platform / validation pipe: a DTO checked plainly', () => {
  beforeEach(() => {
    seen.length = 0;
  });

  it('takes what the plain check answers for a valid body, without class-validator', async () => {
    const value = await strictValidationPipe().transform({ name: 'jane' }, body(NoteDto));
    expect(value).toEqual({ name: 'jane' });
    expect(value).not.toBeInstanceOf(NoteDto);
    expect(seen).toEqual([{ name: 'jane' }]);
  });

  it('when the check declines, class-validator judges and its errors are the answer, as without a check', async () => {
    // Valid for the DTO (capitals), declined by the stricter check: the DTO instance, not the check's value.
    const valid = await strictValidationPipe().transform({ name: 'Jane' }, body(NoteDto));
    expect(valid).toBeInstanceOf(NoteDto);
    expect(valid).toEqual({ name: 'Jane' });
    expect(await problemOf(strictValidationPipe().transform({ name: 'much too long a name', extra: 1 }, body(NoteDto)))).toEqual(
      expect.objectContaining({
        status: 400,
        errors: expect.arrayContaining([
          { path: 'extra', message: 'property extra should not exist' },
          { path: 'name', message: 'name must be shorter than or equal to 10 characters' },
        ]),
      }),
    );
  });

  it('the input checks come first: a NUL is refused before the plain check sees the body', async () => {
    expect(await problemOf(strictValidationPipe().transform({ name: 'ja\u0000ne' }, body(NoteDto)))).toEqual(expect.objectContaining({ status: 400, errors: [{ path: 'name', message: expect.stringContaining('NUL') }] }));
    expect(seen).toEqual([]);
  });

  it('is asked only for object bodies of its own class', async () => {
    await expect(strictValidationPipe().transform({ name: 'jane' }, body(UncheckedDto))).resolves.toBeInstanceOf(UncheckedDto);
    await expect(strictValidationPipe().transform({ name: 'jane' }, { type: 'query', metatype: NoteDto })).resolves.toBeInstanceOf(NoteDto);
    await expect(strictValidationPipe().transform([{ name: 'jane' }], body(NoteDto))).rejects.toBeInstanceOf(ProblemException);
    expect(seen).toEqual([]);
  });
});
