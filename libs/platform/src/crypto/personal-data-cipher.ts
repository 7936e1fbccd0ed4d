// Crypto-shredding: each candidate's personal data is encrypted with a data key
// of their own (AES-256-GCM), and that data key is stored only wrapped
// (encrypted) by a master key from configuration. Destroying the data key makes
// every copy of the ciphertext unreadable at once: rows, outbox, topics, dead
// letters and backups alike.
import { createCipheriv, createDecipheriv, hkdfSync, randomFillSync } from 'node:crypto';
import { SEALED_VALUE_PATTERN, SEALED_VALUE_PREFIX } from '@hiring/contracts';

const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Version prefix of a sealed value (the contract's format): a later scheme gets a new prefix, old values stay readable. */
export const SEALED_PREFIX = SEALED_VALUE_PREFIX;
export const SEALED_PATTERN = SEALED_VALUE_PATTERN;

export class SealedValueError extends Error {}

/**
 * The master key a laptop runs with when none is configured (sourcing's
 * default) and that tests wrap data keys with: public, so never for real data.
 */
export const LOCAL_DEV_MASTER_KEYS = 'local-dev:bG9jYWwtZGV2LW9ubHktbWFzdGVyLWtleS0zMi1ieXQ=';

/** The key lookup's credential on a laptop (sourcing checks it, screening sends it): public, so never for real data. */
export const LOCAL_KEY_SERVICE_TOKEN = 'local-key-service-token-change-me';

// Random bytes for keys and IVs, drawn from one buffer the CSPRNG refills
// when it runs out: the intake makes a data key and three IVs per candidate,
// and a call to randomBytes per value cost more than the bytes themselves
// (docs/performance.md "Sourcing CPU per candidate (lane 13a)"). Each byte is
// handed out once, copied out, and zeroed in the pool.
const RANDOM_POOL_BYTES = 4096;
const randomPool = Buffer.alloc(RANDOM_POOL_BYTES);
let randomOffset = RANDOM_POOL_BYTES;

function freshRandom(size: number): Buffer {
  if (randomOffset + size > RANDOM_POOL_BYTES) {
    randomFillSync(randomPool);
    randomOffset = 0;
  }
  const out = Buffer.allocUnsafe(size);
  randomPool.copy(out, 0, randomOffset, randomOffset + size);
  randomPool.fill(0, randomOffset, randomOffset + size);
  randomOffset += size;
  return out;
}

export function newDataKey(): Buffer {
  return freshRandom(KEY_BYTES);
}

function encrypt(key: Buffer, plaintext: Buffer | string, aad: string): { iv: Buffer; ciphertext: Buffer; tag: Buffer } {
  const iv = freshRandom(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  // Text is encoded by the cipher itself; GCM's final() is empty, so the update's output is the whole ciphertext (no copy).
  const head = typeof plaintext === 'string' ? cipher.update(plaintext, 'utf8') : cipher.update(plaintext);
  const tail = cipher.final();
  return { iv, ciphertext: tail.length === 0 ? head : Buffer.concat([head, tail]), tag: cipher.getAuthTag() };
}

function decrypt(key: Buffer, iv: Buffer, ciphertext: Buffer, tag: Buffer, aad: string): Buffer {
  const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
}

/**
 * Encrypts a JSON value for one candidate. `context` (e.g. `<candidateId>:profile`)
 * is authenticated, so a sealed value moved to another candidate or field does not open.
 */
export function sealJson(dataKey: Buffer, value: unknown, context: string): string {
  return sealJsonText(dataKey, JSON.stringify(value), context);
}

/**
 * sealJson for a value the caller has serialised already (and needs the text
 * of, e.g. for a digest): one JSON.stringify, not two. `json` is the JSON
 * text, or its UTF-8 bytes.
 */
export function sealJsonText(dataKey: Buffer, json: string | Buffer, context: string): string {
  const { iv, ciphertext, tag } = encrypt(dataKey, json, context);
  return `${SEALED_PREFIX}.${iv.toString('base64url')}.${ciphertext.toString('base64url')}.${tag.toString('base64url')}`;
}

export function openJson<T = unknown>(dataKey: Buffer, sealed: string, context: string): T {
  if (!SEALED_PATTERN.test(sealed)) throw new SealedValueError('not a sealed personal-data value');
  const [, iv, ciphertext, tag] = sealed.split('.') as [string, string, string, string];
  try {
    return JSON.parse(decrypt(dataKey, Buffer.from(iv, 'base64url'), Buffer.from(ciphertext, 'base64url'), Buffer.from(tag, 'base64url'), context).toString('utf8')) as T;
  } catch (error) {
    throw new SealedValueError(`sealed value does not open with this key and context: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export interface MasterKey {
  id: string;
  key: Buffer;
}

/** A data key as stored: wrapped by one master key, bound to its candidate. */
export interface WrappedDataKey {
  masterKeyId: string;
  wrapped: Buffer;
}

/**
 * The configured master keys. The first wraps new data keys; the others only
 * unwrap, so a rotation is: put the new key first, re-wrap the stored data
 * keys, then drop the old key from the configuration.
 */
export class MasterKeyRing {
  private readonly byId: Map<string, Buffer>;

  constructor(private readonly keys: MasterKey[]) {
    if (keys.length === 0) throw new Error('at least one master key is needed');
    this.byId = new Map(keys.map((k) => [k.id, k.key]));
  }

  /** Parses `id:base64key[,id:base64key...]` (32-byte keys); throws naming what is wrong. */
  static parse(text: string): MasterKeyRing {
    const keys = text.split(',').map((entry, index) => {
      const [id, encoded, extra] = entry.trim().split(':');
      if (!id || !encoded || extra !== undefined || !/^[A-Za-z0-9._-]{1,64}$/.test(id)) throw new Error(`entry ${index + 1} must be <id>:<base64 of 32 bytes>`);
      const key = Buffer.from(encoded, 'base64');
      if (key.length !== KEY_BYTES) throw new Error(`key "${id}" must be 32 bytes (base64), it is ${key.length}`);
      return { id, key };
    });
    if (new Set(keys.map((k) => k.id)).size !== keys.length) throw new Error('master key ids must be unique');
    return new MasterKeyRing(keys);
  }

  get currentId(): string {
    return this.keys[0]!.id;
  }

  /** Every configured id, the current one first. */
  get ids(): string[] {
    return this.keys.map((k) => k.id);
  }

  /**
   * A 32-byte key for another purpose (e.g. signing list cursors), derived
   * from the current master key so no second secret has to be configured.
   * It changes when the master key rotates.
   */
  deriveKey(purpose: string): Buffer {
    return Buffer.from(hkdfSync('sha256', this.keys[0]!.key, Buffer.alloc(0), `hiring:${purpose}`, KEY_BYTES));
  }

  wrap(dataKey: Buffer, candidateId: string): WrappedDataKey {
    const { iv, ciphertext, tag } = encrypt(this.keys[0]!.key, dataKey, `data-key:${candidateId}`);
    return { masterKeyId: this.currentId, wrapped: Buffer.concat([iv, tag, ciphertext]) };
  }

  /**
   * The same value wrapped by the current master key (a no-op for one it
   * already wraps): what a rotation does to every stored key and secret.
   */
  rewrap(stored: WrappedDataKey, candidateId: string): WrappedDataKey {
    return stored.masterKeyId === this.currentId ? stored : this.wrap(this.unwrap(stored, candidateId), candidateId);
  }

  unwrap(stored: WrappedDataKey, candidateId: string): Buffer {
    const master = this.byId.get(stored.masterKeyId);
    if (!master) throw new Error(`master key "${stored.masterKeyId}" is not configured (dropped before re-wrapping?)`);
    const iv = stored.wrapped.subarray(0, IV_BYTES);
    const tag = stored.wrapped.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
    return decrypt(master, iv, stored.wrapped.subarray(IV_BYTES + TAG_BYTES), tag, `data-key:${candidateId}`);
  }
}
