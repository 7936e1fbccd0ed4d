// docs/events.md is hand-written prose around examples; this keeps the
// examples true: every event parses with the contract code, every type has
// one, and the worked signing example's signature is the real one.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ALL_EVENT_TYPES } from '../catalogue';
import { parseEvent } from '../cloudevent';
import { EXAMPLE_SIGNING_SECRET } from '../examples/event-examples';
import { SubmissionEvent } from '../events/submission.event';
import { signSubmission, verifySubmissionSignature } from '../submission-signature';
import { validatePlain } from '../validation';
import { REPOSITORY_ROOT } from './generate-asyncapi';

const doc = readFileSync(resolve(REPOSITORY_ROOT, 'docs/events.md'), 'utf8');

/** The fenced block right after an HTML comment marker. */
function blocksAfter(marker: string): string[] {
  const pattern = new RegExp(`<!-- ${marker} -->\\s*\`\`\`\\w*\\n([\\s\\S]*?)\\n\`\`\``, 'g');
  return [...doc.matchAll(pattern)].map((match) => match[1] ?? '');
}

describe('events-doc', () => {
  it('shows one valid example event per catalogue type', () => {
    const types = blocksAfter('event-example').map((block) => parseEvent(block).type);
    expect([...types].sort()).toEqual([...ALL_EVENT_TYPES].sort());
  });

  it('the example events are signed or not as their types require, with the documented secret', () => {
    for (const block of blocksAfter('event-example')) {
      const { event } = parseEvent(block);
      if (event.agencysig !== undefined) expect(verifySubmissionSignature(event.data, event.agencysig, EXAMPLE_SIGNING_SECRET)).toBe(true);
    }
  });

  it('the worked signing example: valid submission data, and the signature it prints is the HMAC we verify', () => {
    const [data] = blocksAfter('signed-example:data');
    const [signature] = blocksAfter('signed-example:signature');
    const parsed = JSON.parse(data ?? '') as unknown;
    expect(validatePlain(SubmissionEvent, parsed)).toMatchObject({ ok: true });
    expect(signature?.trim()).toBe(signSubmission(parsed, EXAMPLE_SIGNING_SECRET));
    expect(doc).toContain(`SECRET='${EXAMPLE_SIGNING_SECRET}'`);
  });
});
