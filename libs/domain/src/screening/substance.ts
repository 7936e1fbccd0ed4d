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

/** The rubric's word lists as sets, built once per rubric section (rubrics are constant data). */
interface WordSets {
  placeholders: ReadonlySet<string>;
  negationOpeners: ReadonlySet<string>;
  /** Padded with spaces, so a phrase matches whole words only. */
  negationPhrases: readonly { phrase: string; padded: string }[];
  emptyWords: ReadonlySet<string>;
}
const wordSetsOf = new WeakMap<EvidenceQuality['substance'], WordSets>();

function wordSets(rules: EvidenceQuality['substance']): WordSets {
  let sets = wordSetsOf.get(rules);
  if (!sets) {
    sets = {
      placeholders: new Set(rules.placeholders),
      negationOpeners: new Set(rules.negationOpeners),
      negationPhrases: rules.negationPhrases.map((phrase) => ({ phrase, padded: ` ${phrase} ` })),
      emptyWords: new Set(rules.emptyWords),
    };
    wordSetsOf.set(rules, sets);
  }
  return sets;
}

/** The verdict, with `why` written only when a rule reads it (most statements that count are never quoted). */
function judged(counts: boolean, denies: boolean, explain: () => string): Substance {
  let why: string | undefined;
  return {
    counts,
    denies,
    get why() {
      why ??= explain();
      return why;
    },
  };
}

export function judgeSubstance(text: string | undefined, rules: EvidenceQuality['substance'], kind: 'statement' | 'label' = 'statement'): Substance {
  const needed = kind === 'label' ? rules.minLabelWords : rules.minContentWords;
  if (text === undefined || text.trim() === '') return { counts: false, denies: false, why: 'nothing stated' };
  const sets = wordSets(rules);
  // Split once: the rules are applied to every statement of every profile.
  const list = words(text);
  const flat = list.join(' ');
  if (flat === '' || sets.placeholders.has(flat)) return judged(false, false, () => `${quote(text, 60)} is a placeholder`);
  const first = list[0] ?? '';
  if (sets.negationOpeners.has(first)) return judged(false, true, () => `${quote(text, 60)} opens with the negation "${first}"`);
  const padded = ` ${flat} `;
  const phrase = sets.negationPhrases.find((p) => padded.includes(p.padded))?.phrase;
  if (phrase) return judged(false, true, () => `${quote(text, 60)} contains "${phrase}"`);
  const content = list.filter((w) => !STOP_WORDS.has(w) && !sets.emptyWords.has(w));
  if (content.length < needed) {
    return judged(
      false,
      false,
      () => `${quote(text, 60)} has ${content.length} content word(s)${content.length ? ` (${content.join(', ')})` : ''}; ${needed} needed beyond filler`,
    );
  }
  return judged(true, false, () => `${quote(text, 60)} counts (${content.length} content words)`);
}

export function hasSubstance(text: string | undefined, rules: EvidenceQuality['substance']): text is string {
  return judgeSubstance(text, rules).counts;
}
