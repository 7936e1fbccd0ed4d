// Opaque page cursors for an agency's lists. A cursor is the keyset position
// (a timestamp with microseconds, and an id) plus what it was issued for (the
// list, the agency, the filters), signed with a key derived from the master
// key: a cursor that was altered, issued to another agency or for other
// filters is refused with a 400, never read.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { SourcingException, SourcingExceptionCode } from './sourcing.exception';

export interface KeysetPosition {
  /** `YYYY-MM-DDTHH:MM:SS.ffffffZ`, as Postgres keeps it (microseconds). */
  at: string;
  id: string;
}

/** What a cursor was issued for: it is valid only for the same list, agency and filters. */
export interface CursorScope {
  list: string;
  agencyId: string;
  filters: Record<string, string | undefined>;
}

const AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MAC_BYTES = 16;
const MAX_CURSOR_LENGTH = 1024;

/** The SQL of a keyset position's time: a timestamptz column as UTC text with microseconds (what `KeysetPosition.at` holds). */
export function keysetTimeSql(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

export class ListCursorCodec {
  constructor(private readonly key: Buffer) {}

  encode(scope: CursorScope, position: KeysetPosition): string {
    const body = Buffer.from(JSON.stringify({ v: 1, at: position.at, id: position.id }), 'utf8').toString('base64url');
    return `${body}.${this.mac(scope, body).toString('base64url')}`;
  }

  /** The position, or a 400 problem naming `cursor`. */
  decode(scope: CursorScope, cursor: string): KeysetPosition {
    const [body, mac, extra] = cursor.length <= MAX_CURSOR_LENGTH ? cursor.split('.') : [];
    if (!body || !mac || extra !== undefined) throw invalid();
    const given = Buffer.from(mac, 'base64url');
    const expected = this.mac(scope, body);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid();
    let parsed: { v?: unknown; at?: unknown; id?: unknown };
    try {
      parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as typeof parsed;
    } catch {
      throw invalid();
    }
    if (parsed?.v !== 1 || typeof parsed.at !== 'string' || !AT.test(parsed.at) || typeof parsed.id !== 'string' || !UUID.test(parsed.id)) throw invalid();
    return { at: parsed.at, id: parsed.id };
  }

  private mac(scope: CursorScope, body: string): Buffer {
    const filters = Object.keys(scope.filters)
      .sort()
      .map((k) => [k, scope.filters[k] ?? null]);
    return createHmac('sha256', this.key)
      .update(JSON.stringify([scope.list, scope.agencyId, filters, body]))
      .digest()
      .subarray(0, MAC_BYTES);
  }
}

function invalid(): SourcingException {
  return new SourcingException(SourcingExceptionCode.INVALID_INPUT, 'The cursor is not valid for this list.', [
    { path: 'cursor', message: 'must be a nextCursor this list returned, with the same filters (start again without a cursor if in doubt)' },
  ]);
}

/** Page sizes of the agency's lists. */
export const DEFAULT_PAGE_LIMIT = 50;
export const MAX_PAGE_LIMIT = 200;
