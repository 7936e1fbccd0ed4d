import { countFraming } from './framing';

describe('screening / achievement framing word count', () => {
  it('counts I/me/my against we/our/us/team, case-insensitively', () => {
    expect(countFraming(['I led MY team and We shipped our model to us'])).toEqual({ solo: 2, team: 4 });
  });

  it('counts contractions and curly apostrophes', () => {
    expect(countFraming(["I'm proud; we’ve shipped", "I've learned, we'll see"])).toEqual({ solo: 2, team: 2 });
  });

  it('does not count words that merely contain the pronouns', () => {
    expect(countFraming(['Iterated on mesh networks with teammates in Myanmar'])).toEqual({ solo: 0, team: 0 });
  });
});
