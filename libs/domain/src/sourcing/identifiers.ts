import type { ValidationIssue } from '../shared/schema-validation';

/**
 * The identifiers that tell one person from another across agencies, in a
 * normalised form so that `Jane.Doe@Example.com ` and `jane.doe@example.com`,
 * or `+44 20 7946 0958` and `0044-20-7946-0958`, are the same claim.
 */
export const IDENTIFIER_KINDS = ['email', 'phone', 'profile-url'] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

export interface CandidateIdentifier {
  kind: IdentifierKind;
  /** Normalised value; compared byte for byte (the database's unique key). */
  value: string;
}

/** Identity as an agency states it; every field optional, at least one required to claim a candidate. */
export interface IdentityInput {
  email?: string;
  phone?: string;
  profileUrl?: string;
}

export interface NormaliseOptions {
  /** Gmail ignores dots and `+tags` in the local part, and googlemail.com is gmail.com. */
  canonicaliseGmail: boolean;
}

const GMAIL_DOMAINS = new Set(['gmail.com', 'googlemail.com']);
const MIN_PHONE_DIGITS = 7;
const MAX_PHONE_DIGITS = 15; // E.164

/** Lowercase and trim; for Gmail, optionally drop dots and the `+tag`. Undefined when not an address. */
export function normaliseEmail(raw: string, options: NormaliseOptions = { canonicaliseGmail: false }): string | undefined {
  const email = raw.trim().toLowerCase();
  const at = email.lastIndexOf('@');
  if (at <= 0 || at === email.length - 1 || /\s/.test(email)) return undefined;
  let local = email.slice(0, at);
  let domain = email.slice(at + 1);
  if (options.canonicaliseGmail && GMAIL_DOMAINS.has(domain)) {
    local = local.split('+')[0]?.replace(/\./g, '') ?? '';
    domain = 'gmail.com';
    if (local === '') return undefined;
  }
  return `${local}@${domain}`;
}

/**
 * Digits only, E.164-ish: an international number (`+` or `00` prefix) keeps
 * its `+`, a national one stays digits. Separators, spaces and brackets go.
 * Undefined when the digit count cannot be a phone number.
 */
export function normalisePhone(raw: string): string | undefined {
  const trimmed = raw.trim();
  let digits = trimmed.replace(/\D/g, '');
  let international = trimmed.startsWith('+');
  if (!international && digits.startsWith('00')) {
    digits = digits.slice(2);
    international = true;
  }
  if (digits.length < MIN_PHONE_DIGITS || digits.length > MAX_PHONE_DIGITS) return undefined;
  return international ? `+${digits}` : digits;
}

/**
 * `https://www.LinkedIn.com/in/jane-doe/?trk=x#top` -> `linkedin.com/in/jane-doe`:
 * no protocol, no `www.`, host lowercased, default port, query, fragment and
 * trailing slashes dropped. The path keeps its case (some sites are case-sensitive).
 */
export function normaliseProfileUrl(raw: string): string | undefined {
  const trimmed = raw.trim();
  const withProtocol = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withProtocol);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  if (!host.includes('.')) return undefined;
  const port = url.port && url.port !== '80' && url.port !== '443' ? `:${url.port}` : '';
  const path = url.pathname.replace(/\/+$/, '');
  return `${host}${port}${path}`;
}

export interface IdentifiersResult {
  identifiers: CandidateIdentifier[];
  issues: ValidationIssue[];
}

/** All normalised identifiers of a submission; issues name the field (`candidate.email`) that cannot be normalised. */
export function candidateIdentifiers(input: IdentityInput, options: NormaliseOptions, pathPrefix = 'candidate'): IdentifiersResult {
  const identifiers: CandidateIdentifier[] = [];
  const issues: ValidationIssue[] = [];
  const at = (field: string) => (pathPrefix ? `${pathPrefix}.${field}` : field);
  const add = (kind: IdentifierKind, field: string, raw: string | undefined, normalise: (raw: string) => string | undefined) => {
    if (raw === undefined) return;
    const value = normalise(raw);
    if (value === undefined) issues.push({ path: at(field), message: `is not a usable ${kind}` });
    else identifiers.push({ kind, value });
  };
  add('email', 'email', input.email, (raw) => normaliseEmail(raw, options));
  add('phone', 'phone', input.phone, normalisePhone);
  add('profile-url', 'profileUrl', input.profileUrl, normaliseProfileUrl);
  if (identifiers.length === 0 && issues.length === 0) {
    issues.push({ path: pathPrefix || '(root)', message: 'needs at least one of email, phone, profileUrl to identify the candidate' });
  }
  return { identifiers, issues };
}
