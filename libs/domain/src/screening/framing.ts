/**
 * Counts how achievements are framed: first person singular (I, me, my) vs
 * team (we, us, our, team). Deliberately a plain word count, not NLP: the
 * result must be explainable in one sentence and identical on every run.
 */
const SOLO_WORDS = new Set(['i', 'me', 'my', 'mine', 'myself', "i'm", "i've", "i'd", "i'll"]);
const TEAM_WORDS = new Set(['we', 'us', 'our', 'ours', 'ourselves', "we're", "we've", "we'd", "we'll", 'team', 'teams', "team's"]);

export interface FramingCount {
  solo: number;
  team: number;
}

export function countFraming(statements: readonly string[]): FramingCount {
  let solo = 0;
  let team = 0;
  for (const statement of statements) {
    const words = statement
      .toLowerCase()
      .replace(/[\u2018\u2019]/g, "'")
      .match(/[a-z]+(?:'[a-z]+)?/g);
    for (const word of words ?? []) {
      if (SOLO_WORDS.has(word)) solo += 1;
      else if (TEAM_WORDS.has(word)) team += 1;
    }
  }
  return { solo, team };
}
