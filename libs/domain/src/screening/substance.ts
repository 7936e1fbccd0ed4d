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

/** A deferring phrase as the words `words()` would read it, with its place in the rubric's list. */
interface PhraseWords {
  phrase: string;
  /** The first phrase of the rubric's list that a statement contains is the one quoted. */
  rank: number;
  words: readonly string[];
}

/** The rubric's word lists, prepared once per rubric section (rubrics are constant data). */
interface WordSets {
  placeholders: ReadonlySet<string>;
  /** No placeholder has more words than this: a longer statement is never one (it is not joined to be looked up). */
  placeholderMaxWords: number;
  negationOpeners: ReadonlySet<string>;
  /** The deferring phrases by their first word: a statement's words are looked up, not searched for every phrase. */
  phrasesByFirstWord: ReadonlyMap<string, readonly PhraseWords[]>;
  /** Grammar and the rubric's empty words in one set: never content. */
  notContent: ReadonlySet<string>;
}
const wordSetsOf = new WeakMap<EvidenceQuality['substance'], WordSets>();

function wordSets(rules: EvidenceQuality['substance']): WordSets {
  let sets = wordSetsOf.get(rules);
  if (!sets) {
    const phrasesByFirstWord = new Map<string, PhraseWords[]>();
    rules.negationPhrases.forEach((phrase, rank) => {
      // A phrase matches whole words in the order written, as ` ${phrase} ` inside ` ${words.join(' ')} ` did.
      const words = phrase.split(' ');
      const first = words[0] as string;
      phrasesByFirstWord.set(first, [...(phrasesByFirstWord.get(first) ?? []), { phrase, rank, words }]);
    });
    sets = {
      placeholders: new Set(rules.placeholders),
      placeholderMaxWords: Math.max(0, ...rules.placeholders.map((p) => p.split(' ').length)),
      negationOpeners: new Set(rules.negationOpeners),
      phrasesByFirstWord,
      notContent: new Set([...STOP_WORDS, ...rules.emptyWords]),
    };
    wordSetsOf.set(rules, sets);
  }
  return sets;
}

/** The first phrase of the rubric's list that occurs in `list` as consecutive words. */
function deferringPhrase(list: readonly string[], sets: WordSets): string | undefined {
  let found: PhraseWords | undefined;
  for (let i = 0; i < list.length; i++) {
    const starting = sets.phrasesByFirstWord.get(list[i] as string);
    if (starting === undefined) continue;
    for (const p of starting) {
      if ((found === undefined || p.rank < found.rank) && p.words.every((w, k) => list[i + k] === w)) found = p;
    }
  }
  return found?.phrase;
}

/**
 * The verdict, with `why` written only when a rule reads it (most statements
 * that count are never quoted). A class, not an object literal with a getter:
 * V8 builds such a literal slowly, and there is one per statement judged.
 */
class Judged implements Substance {
  private explained: string | undefined;

  constructor(
    readonly counts: boolean,
    readonly denies: boolean,
    private readonly explain: () => string,
  ) {}

  get why(): string {
    this.explained ??= this.explain();
    return this.explained;
  }
}

function judged(counts: boolean, denies: boolean, explain: () => string): Substance {
  return new Judged(counts, denies, explain);
}

export function judgeSubstance(text: string | undefined, rules: EvidenceQuality['substance'], kind: 'statement' | 'label' = 'statement'): Substance {
  const needed = kind === 'label' ? rules.minLabelWords : rules.minContentWords;
  if (text === undefined || text.trim() === '') return { counts: false, denies: false, why: 'nothing stated' };
  const sets = wordSets(rules);
  // Split once: the rules are applied to every statement of every profile.
  const list = words(text);
  if (list.length === 0 || (list.length <= sets.placeholderMaxWords && sets.placeholders.has(list.join(' ')))) {
    return judged(false, false, () => `${quote(text, 60)} is a placeholder`);
  }
  const first = list[0] as string;
  if (sets.negationOpeners.has(first)) return judged(false, true, () => `${quote(text, 60)} opens with the negation "${first}"`);
  const phrase = deferringPhrase(list, sets);
  if (phrase) return judged(false, true, () => `${quote(text, 60)} contains "${phrase}"`);
  const content = list.filter((w) => !sets.notContent.has(w));
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
