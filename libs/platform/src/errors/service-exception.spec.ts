import { ServiceException, type ExceptionMappings } from './service-exception';
import { mappedProblem } from './mapped-error';

enum ShelfCode {
  BOOK_NOT_FOUND = 'BOOK_NOT_FOUND',
  SHELF_FULL = 'SHELF_FULL',
}

const SHELF: ExceptionMappings<ShelfCode> = {
  [ShelfCode.BOOK_NOT_FOUND]: { http: { status: 404, slug: 'book-not-found', title: 'Book not found' }, kafka: 'dead-letter' },
  [ShelfCode.SHELF_FULL]: { http: { status: 409, slug: 'shelf-full', title: 'Shelf full' }, kafka: 'retry' },
};

class ShelfException extends ServiceException<ShelfCode> {
  override readonly name = 'ShelfException';
  protected readonly mappings = SHELF;
}

describe('platform / ServiceException', () => {
  it("answers with its code's status, slug and title, the message as detail and the field errors", () => {
    const error = new ShelfException(ShelfCode.BOOK_NOT_FOUND, 'no book b-1', [{ path: 'bookId', message: 'unknown' }]);
    expect(mappedProblem(error, 'https://example.test/problems/')).toEqual({
      type: 'https://example.test/problems/book-not-found',
      title: 'Book not found',
      status: 404,
      detail: 'no book b-1',
      code: 'BOOK_NOT_FOUND',
      errors: [{ path: 'bookId', message: 'unknown' }],
    });
  });

  it('leaves errors out when there are none, and reads the mapping of its own code', () => {
    const error = new ShelfException(ShelfCode.SHELF_FULL, 'shelf s-1 is full');
    expect(mappedProblem(error, '/p/')).not.toHaveProperty('errors');
    expect(error.mapping.kafka).toBe('retry');
    expect(error).toBeInstanceOf(Error);
  });

  it('adds its details to the problem, never over the problem members', () => {
    const error = new ShelfException(ShelfCode.SHELF_FULL, 'full', [], { shelfId: 's-1', status: 200, type: 'evil' });
    expect(mappedProblem(error, '/p/')).toMatchObject({ shelfId: 's-1', status: 409, type: '/p/shelf-full' });
  });
});
