import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { SourcingException, SourcingExceptionCode } from '../shared/sourcing.exception';
import { parseBulkBody, validateSubmissionItem } from './submission-input';
import { SubmitCandidateDto } from './submission.dto';

const item = { externalId: 'e-1', requisitionId: '6f1c2a8e-3b7d-4c55-9a0e-2d4b8f6a1c3e', candidate: { name: 'Jane', email: 'jane@example.com' }, profile: {} };

function codeOf(fn: () => unknown): SourcingExceptionCode | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error instanceof SourcingException ? error.code : undefined;
  }
}

describe('sourcing / bulk body parsing', () => {
  it('NDJSON: one item per non-blank line, a broken line keeps its index', () => {
    const items = parseBulkBody(`${JSON.stringify(item)}\n\n{oops\r\n${JSON.stringify(item)}\n`);
    expect(items).toHaveLength(3);
    expect(validateSubmissionItem(items[1], 1)).toEqual({ index: 1, ok: false, errors: [{ path: '(root)', message: 'is not valid JSON' }] });
    expect(validateSubmissionItem(items[2], 2).ok).toBe(true);
  });

  it('a JSON array is taken as is; anything else is invalid input', () => {
    expect(parseBulkBody([item])).toEqual([item]);
    expect(codeOf(() => parseBulkBody({ item }))).toBe(SourcingExceptionCode.INVALID_INPUT);
    expect(codeOf(() => parseBulkBody([]))).toBe(SourcingExceptionCode.INVALID_INPUT);
  });

  it('more than 500 items is too many (JSON array and NDJSON alike)', () => {
    expect(codeOf(() => parseBulkBody(Array.from({ length: 501 }, () => item)))).toBe(SourcingExceptionCode.TOO_MANY_ITEMS);
    expect(codeOf(() => parseBulkBody(Array.from({ length: 501 }, () => JSON.stringify(item)).join('\n')))).toBe(SourcingExceptionCode.TOO_MANY_ITEMS);
    expect(parseBulkBody(Array.from({ length: 500 }, () => item))).toHaveLength(500);
  });

  it('an item is validated strictly: unknown fields and nested paths are named', () => {
    const result = validateSubmissionItem({ ...item, extra: 1, candidate: { name: 'J', email: 'x' } }, 4);
    expect(result).toEqual({
      index: 4,
      ok: false,
      errors: expect.arrayContaining([
        { path: 'extra', message: 'property extra should not exist' },
        { path: 'candidate.email', message: 'email must be an email' },
      ]),
    });
  });
});

/** What class-validator alone says of an item (the check before the fast path): the reference. */
function classValidatorSays(raw: Record<string, unknown>): { ok: true; value: unknown } | { ok: false } {
  const dto = plainToInstance(SubmitCandidateDto, raw);
  return validateSync(dto, { whitelist: true, forbidNonWhitelisted: true }).length > 0 ? { ok: false } : { ok: true, value: dto };
}

describe('sourcing / the item check agrees with class-validator', () => {
  const candidates: Array<Record<string, unknown>> = [
    { name: 'Jane', email: 'jane@example.com' },
    { name: 'Jane', email: '  jane@example.com ' },
    { name: 'Jane', email: '   ' },
    { name: 'Jane', email: 'not-an-email' },
    { name: 'Jane', email: null },
    { name: 'Jane', phone: '+44 20 7946 0958' },
    { name: 'Jane', phone: '12' },
    { name: 'Jane', profileUrl: 'https://www.linkedin.com/in/jane' },
    { name: 'Jane', profileUrl: 'ftp://example.com/jane' },
    { name: 'Jane', profileUrl: 'www.example.com' },
    { name: '', email: 'jane@example.com' },
    { name: 'x'.repeat(201), email: 'jane@example.com' },
    { name: 7, email: 'jane@example.com' },
    { name: 'Jane', email: 'jane@example.com', nickname: 'J' },
    { email: 'jane@example.com' },
  ];
  const items: Array<Record<string, unknown>> = [
    ...candidates.map((candidate) => ({ ...item, candidate })),
    { ...item, externalId: '' },
    { ...item, externalId: 'x'.repeat(129) },
    { ...item, externalId: '-starts-with-dash' },
    { ...item, externalId: 'with space' },
    { ...item, requisitionId: 'not-a-uuid' },
    { ...item, requisitionId: 42 },
    { ...item, profile: [] },
    { ...item, profile: 'a profile' },
    { ...item, candidate: [] },
    { ...item, candidate: 'Jane' },
    { ...item, extra: true },
    { externalId: item.externalId, requisitionId: item.requisitionId, candidate: item.candidate },
  ];

  it.each(items.map((raw, i) => [i, raw] as const))('item %i: same verdict, same value', (i, raw) => {
    const reference = classValidatorSays(raw);
    const result = validateSubmissionItem(raw, i);
    expect(result.ok).toBe(reference.ok);
    if (result.ok && reference.ok) expect(result.value).toEqual(reference.value);
  });
});
