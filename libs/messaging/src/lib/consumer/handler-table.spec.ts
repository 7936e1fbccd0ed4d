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
