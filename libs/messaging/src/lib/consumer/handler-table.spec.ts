import { HandlerTable, type EventHandlerRegistration } from './handler-table';

const handler = (topic: string, types: string[], inbox?: boolean): EventHandlerRegistration => ({ topic, types, name: `${topic}:${types.join(',')}`, handle: async () => undefined, inbox });

describe('handler table: which topics are claimed in the inbox', () => {
  it('skips the inbox only for a topic whose every handler opted out', () => {
    const table = new HandlerTable([
      handler('projection', ['a'], false),
      handler('projection', ['b'], false),
      handler('mixed', ['a'], false),
      handler('mixed', ['b']),
      handler('plain', ['a']),
    ]);
    expect(table.usesInbox('projection')).toBe(false);
    expect(table.usesInbox('mixed')).toBe(true);
    expect(table.usesInbox('plain')).toBe(true);
    expect(table.usesInbox('unknown')).toBe(true);
  });
});

describe('handler table: which topics run without a transaction', () => {
  const own = (topic: string, types: string[], transaction?: boolean): EventHandlerRegistration => ({ ...handler(topic, types, false), transaction });

  it('opens no transaction only for a topic whose every handler opted out', () => {
    const table = new HandlerTable([own('merged', ['a'], false), own('merged', ['b'], false), own('mixed', ['a'], false), own('mixed', ['b']), own('plain', ['a'])]);
    expect(table.usesTransaction('merged')).toBe(false);
    expect(table.usesTransaction('mixed')).toBe(true);
    expect(table.usesTransaction('plain')).toBe(true);
    expect(table.usesTransaction('unknown')).toBe(true);
  });

  it('refuses transaction: false on a handler that keeps the inbox', () => {
    expect(() => new HandlerTable([{ ...handler('t', ['a']), transaction: false }])).toThrow(/transaction: false needs inbox: false/);
  });
});
