import { candidateIdentifiers, normaliseEmail, normalisePhone, normaliseProfileUrl } from './identifiers';

const gmail = { canonicaliseGmail: true };

describe('sourcing / email normalisation', () => {
  it('same email different case and surrounding spaces -> one value', () => {
    expect(normaliseEmail('  Jane.Doe@Example.COM ')).toBe('jane.doe@example.com');
    expect(normaliseEmail('jane.doe@example.com')).toBe('jane.doe@example.com');
  });

  it('gmail dots and +tags are the same mailbox when the rules say so', () => {
    expect(normaliseEmail('Jane.Doe+agency@googlemail.com', gmail)).toBe('janedoe@gmail.com');
    expect(normaliseEmail('j.a.n.e.doe@gmail.com', gmail)).toBe('janedoe@gmail.com');
  });

  it('gmail canonicalisation is off by default and never applies to other domains', () => {
    expect(normaliseEmail('jane.doe+x@gmail.com')).toBe('jane.doe+x@gmail.com');
    expect(normaliseEmail('jane.doe+x@example.com', gmail)).toBe('jane.doe+x@example.com');
  });

  it('rejects what is not an address', () => {
    expect(normaliseEmail('jane')).toBeUndefined();
    expect(normaliseEmail('@example.com')).toBeUndefined();
    expect(normaliseEmail('jane@')).toBeUndefined();
    expect(normaliseEmail('+tag@gmail.com', gmail)).toBeUndefined();
  });
});

describe('sourcing / phone normalisation', () => {
  it('phone formats with spaces, dashes, dots and brackets -> digits with the international +', () => {
    const forms = ['+44 20 7946 0958', '+44-20-7946-0958', '+44 (20) 7946.0958', '0044 20 7946 0958', ' +442079460958 '];
    expect(new Set(forms.map(normalisePhone))).toEqual(new Set(['+442079460958']));
  });

  it('a national number stays digits only (no guessed country code)', () => {
    expect(normalisePhone('(415) 555-0100')).toBe('4155550100');
  });

  it('too few or too many digits is not a phone number', () => {
    expect(normalisePhone('12-34')).toBeUndefined();
    expect(normalisePhone('+1234567890123456')).toBeUndefined();
  });
});

describe('sourcing / profile URL normalisation', () => {
  it('URL variants of one profile -> one value', () => {
    const variants = [
      'https://www.linkedin.com/in/jane-doe/',
      'http://linkedin.com/in/jane-doe',
      'HTTPS://WWW.LINKEDIN.COM/in/jane-doe?trk=public_profile#about',
      'www.linkedin.com/in/jane-doe//',
      'linkedin.com:443/in/jane-doe',
    ];
    expect(new Set(variants.map(normaliseProfileUrl))).toEqual(new Set(['linkedin.com/in/jane-doe']));
  });

  it('different paths stay different', () => {
    expect(normaliseProfileUrl('https://github.com/janedoe')).not.toBe(normaliseProfileUrl('https://github.com/janedoe2'));
  });

  it('rejects non-web URLs and hostless input', () => {
    expect(normaliseProfileUrl('ftp://example.com/jane')).toBeUndefined();
    expect(normaliseProfileUrl('not a url')).toBeUndefined();
  });
});

describe('sourcing / identifiers of a submission', () => {
  it('collects every identifier, normalised', () => {
    expect(candidateIdentifiers({ email: 'A@B.io', phone: '+1 415 555 0100', profileUrl: 'https://www.github.com/a/' }, gmail)).toEqual({
      identifiers: [
        { kind: 'email', value: 'a@b.io' },
        { kind: 'phone', value: '+14155550100' },
        { kind: 'profile-url', value: 'github.com/a' },
      ],
      issues: [],
    });
  });

  it('names the field that cannot be normalised', () => {
    expect(candidateIdentifiers({ phone: '12' }, gmail).issues).toEqual([{ path: 'candidate.phone', message: 'is not a usable phone' }]);
  });

  it('needs at least one identifier', () => {
    expect(candidateIdentifiers({}, gmail).issues).toEqual([
      { path: 'candidate', message: 'needs at least one of email, phone, profileUrl to identify the candidate' },
    ]);
  });
});
