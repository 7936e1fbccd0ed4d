import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { strongAiTechLead, strongTechLead } from '../profile/candidate-profile.fixtures';
import { CALIBRATION_SET } from './calibration-profiles';
import { EVIDENCE_QUALITY_2026_12 } from './evidence-quality';
import type { EvidenceQuality } from './rubric';
import { judgeSubstance } from './substance';
import { quote } from './text';

/*
 * judgeSubstance was made cheaper (word lists as sets, the explanation written
 * only when read) without changing a verdict. This is the implementation it
 * replaced, verbatim, kept as the reference: both must agree on every
 * statement of the examples and the calibration set, and on generated text.
 */
const STOP_WORDS = new Set(
  (
    'a an the and or but if of to in on at by for from with into onto over under about as is are was were be been being ' +
    'it its this that these those there here then than so such very just also too only all any some each every both ' +
    'i me my we us our you your he she they them their his her who whom which what when where why how ' +
    'do does did done have has had having can could would should will shall may might must ' +
    'not no yes up down out off again more most less per via'
  ).split(' '),
);

function words(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/[\u2018\u2019]/g, "'")
      .match(/[a-z0-9]+(?:['.%][a-z0-9]+)*%?/g) ?? []
  );
}

function referenceJudgeSubstance(text: string | undefined, rules: EvidenceQuality['substance'], kind: 'statement' | 'label' = 'statement') {
  const needed = kind === 'label' ? rules.minLabelWords : rules.minContentWords;
  if (text === undefined || text.trim() === '') return { counts: false, denies: false, why: 'nothing stated' };
  const list = words(text);
  const flat = list.join(' ');
  if (flat === '' || rules.placeholders.includes(flat)) return { counts: false, denies: false, why: `${quote(text, 60)} is a placeholder` };
  const first = list[0] ?? '';
  if (rules.negationOpeners.includes(first)) return { counts: false, denies: true, why: `${quote(text, 60)} opens with the negation "${first}"` };
  const phrase = rules.negationPhrases.find((p) => ` ${flat} `.includes(` ${p} `));
  if (phrase) return { counts: false, denies: true, why: `${quote(text, 60)} contains "${phrase}"` };
  const content = list.filter((w) => !STOP_WORDS.has(w) && !rules.emptyWords.includes(w));
  if (content.length < needed) {
    return {
      counts: false,
      denies: false,
      why: `${quote(text, 60)} has ${content.length} content word(s)${content.length ? ` (${content.join(', ')})` : ''}; ${needed} needed beyond filler`,
    };
  }
  return { counts: true, denies: false, why: `${quote(text, 60)} counts (${content.length} content words)` };
}

const S = EVIDENCE_QUALITY_2026_12.substance;

function stringsIn(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) value.forEach((v) => stringsIn(v, into));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => stringsIn(v, into));
  return into;
}

const examplesDir = resolve(__dirname, '../../../../examples');
const exampleProfiles = readdirSync(examplesDir)
  .filter((f) => f.startsWith('candidate-') && f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(resolve(examplesDir, f), 'utf8')) as unknown);

function agree(text: string | undefined, kind: 'statement' | 'label', rules: EvidenceQuality['substance'] = S): void {
  const judged = judgeSubstance(text, rules, kind);
  expect({ text, counts: judged.counts, denies: judged.denies, why: judged.why }).toEqual({ text, ...referenceJudgeSubstance(text, rules, kind) });
}

describe('judgeSubstance gives the verdicts of the implementation it replaced', () => {
  it('on every statement of the examples, the fixtures and the calibration set', () => {
    const statements = stringsIn([exampleProfiles, strongAiTechLead(), strongTechLead(), CALIBRATION_SET.map((c) => c.profile)]);
    expect(statements.length).toBeGreaterThan(500);
    for (const text of statements) {
      agree(text, 'statement');
      agree(text, 'label');
    }
    agree(undefined, 'statement');
  });

  it('on generated text made of the rubric words, numbers, quotes and punctuation', () => {
    const vocabulary = [...S.placeholders, ...S.negationOpeners, ...S.negationPhrases, ...S.emptyWords, ...STOP_WORDS, 'p99', '40%', 'kafka', 'latency', 'v1.2', "don\u2019t", 'Team', 'TBD'];
    const text = fc.array(fc.oneof(fc.constantFrom(...vocabulary), fc.string({ maxLength: 8 })), { maxLength: 12 }).chain((parts) =>
      fc.constantFrom(' ', ', ', '. ', '  ').map((sep) => parts.join(sep)),
    );
    fc.assert(
      fc.property(text, fc.constantFrom('statement' as const, 'label' as const), (t, kind) => {
        agree(t, kind);
      }),
      { numRuns: 3000 },
    );
  });

  // Deferring phrases are looked up by their first word, not searched for in the
  // joined statement (lane 13b): overlapping phrases, phrases sharing a first
  // word, the rubric's order deciding which one is quoted, and phrases or
  // placeholders no statement can contain (capitals, spaces at the ends or doubled, empty).
  it('with word lists whose phrases overlap, share first words or can never match', () => {
    const rules: EvidenceQuality['substance'] = {
      ...S,
      negationPhrases: ['yet to be', 'not yet', 'to be', 'yet to', 'not', 'Not Yet', ' not yet', 'not  yet', '', 'be added', "don't have"],
      placeholders: [...S.placeholders, 'to be decided later on', 'n  a', ''],
    };
    const vocabulary = ['not', 'yet', 'to', 'be', 'added', 'decided', 'later', 'on', "don't", "don\u2019t", 'have', 'kafka', 'p99', 'Yet', 'n', 'a'];
    const text = fc.array(fc.oneof(fc.constantFrom(...vocabulary), fc.string({ maxLength: 4 })), { maxLength: 10 }).chain((parts) =>
      fc.constantFrom(' ', ', ', '  ').map((sep) => parts.join(sep)),
    );
    fc.assert(
      fc.property(text, fc.constantFrom('statement' as const, 'label' as const), (t, kind) => {
        agree(t, kind, rules);
      }),
      { numRuns: 3000 },
    );
  });
});
