// Sourcing checks a consumed recruiting.submission.v1's profile once, with
// the event's contract, and not again with the domain's profile schema
// (apps/sourcing SubmissionIntakeService, `profileChecked`). That is sound
// only while the two schemas accept the same profiles: this test compares
// them, every `$ref` resolved, ignoring what does not change what is accepted
// (descriptions, a `type: string` next to an enum of strings, an empty
// `required`).
import { candidateProfileSchema } from '@hiring/domain';
import common from './common.schema.json';
import submission from './submission.schema.json';

type Schema = { [keyword: string]: unknown };

function resolve(node: unknown, definitions: Record<string, unknown>): unknown {
  if (Array.isArray(node)) return node.map((n) => resolve(n, definitions));
  if (typeof node !== 'object' || node === null) return node;
  const { $ref, ...rest } = node as Schema;
  const target = typeof $ref === 'string' ? (resolve(definitions[$ref.split('/').pop() ?? ''], definitions) as Schema) : {};
  const out: Schema = { ...target };
  for (const [key, value] of Object.entries(rest)) out[key] = resolve(value, definitions);
  return out;
}

/** Only what decides acceptance, keys sorted. */
function acceptance(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(acceptance);
  if (typeof node !== 'object' || node === null) return node;
  const schema = node as Schema;
  const out: Schema = {};
  for (const key of Object.keys(schema).sort()) {
    if (['$schema', '$id', 'title', 'description', 'definitions'].includes(key)) continue;
    if (key === 'type' && schema[key] === 'string' && Array.isArray(schema['enum']) && schema['enum'].every((v) => typeof v === 'string')) continue;
    if (key === 'required' && Array.isArray(schema[key]) && schema[key].length === 0) continue;
    out[key] = acceptance(schema[key]);
  }
  return out;
}

describe('the submission contract checks a profile as the domain does', () => {
  it('candidateProfile in common.schema.json accepts exactly what the domain candidate profile schema accepts', () => {
    const definitions = common.definitions as Record<string, unknown>;
    const domainSchema = candidateProfileSchema as unknown as Schema;
    const contract = acceptance(resolve(definitions['candidateProfile'], definitions));
    const domain = acceptance(resolve(domainSchema, (domainSchema['definitions'] ?? {}) as Record<string, unknown>));
    expect(contract).toEqual(domain);
  });

  it('the submission event takes its profile from that definition', () => {
    expect(submission.properties.profile.$ref).toBe('common.schema.json#/definitions/candidateProfile');
  });
});
