// A sealed value on the wire: personal data encrypted with the candidate's own
// data key (AES-256-GCM), `pd1.<iv>.<ciphertext>.<tag>` in base64url. Only
// holders of the key (obtained from sourcing) can read it; once the key is
// destroyed by an erasure, no copy of it can be read again.
export const SEALED_VALUE_PREFIX = 'pd1';
export const SEALED_VALUE_PATTERN = /^pd1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]{22}$/;
/** Bounded like every field: a 1 MB profile, base64-encoded, stays under it. */
export const SEALED_VALUE_MAX_LENGTH = 1_500_000;
