import type { EvidenceQuality } from './rubric';
import { quote } from './text';

/**
 * Whether a free-text statement says something (rubric 2026-12). Plain word
 * lists from the rubric, no NLP: a recruiter must be able to repeat the check
 * by hand. A statement has substance unless it is
 *  - a placeholder ("n/a", "TBD", "not stated"),
 *  - a denial: opens with a negation word ("no monitoring yet") or contains a
 *    deferring phrase ("not yet"),
 *  - too thin: fewer than `minContentWords` content words (`minLabelWords`
 *    for short labels such as a constraint), i.e. words that are
 *    neither grammar ("the", "it", "we") nor the rubric's empty words
 *    ("various", "best", "fixed"). Numbers count as content.
 */
export interface Substance {
  counts: boolean;
  /** A denial ("no monitoring yet") is evidence against; the other failures are only silence. */
  denies: boolean;
  /** Why it does (content words found) or does not count, for the evidence line. */
  why: string;
}

/** Grammar words: never content. Pronouns are here too, framing is counted elsewhere. */
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

export function judgeSubstance(text: string | undefined, rules: EvidenceQuality['substance'], kind: 'statement' | 'label' = 'statement'): Substance {
  const needed = kind === 'label' ? rules.minLabelWords : rules.minContentWords;
  if (text === undefined || text.trim() === '') return { counts: false, denies: false, why: 'nothing stated' };
  // Split once: the rules are applied to every statement of every profile.
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

export function hasSubstance(text: string | undefined, rules: EvidenceQuality['substance']): text is string {
  return judgeSubstance(text, rules).counts;
}
