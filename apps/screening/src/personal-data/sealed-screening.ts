// What screening keeps of a person's words at rest is sealed with the
// candidate's data key (obtained from sourcing): the stored profile, and of
// each screening the rule evidence (quotes of the profile) and the interview
// probes (which name the candidate's systems). Verdicts, states, counts and
// rule ids stay readable: the pipeline and the events need only those.
import { createHmac } from 'node:crypto';
import type { InterviewProbe } from '@hiring/domain';
import { openJson, sealJson, sealJsonText } from '@hiring/platform';
import type { Screening } from '../screenings/screening.model';

/** What an erased candidate's evidence reads as (their key is gone; the rows follow with candidate-erased). */
export const ERASED_EVIDENCE = 'erased';

/** The personal part of a screening, sealed as one value. */
export interface ScreeningDetail {
  evidence: Record<string, string[]>;
  probes: InterviewProbe[];
}

/** A screening as stored: no evidence, no probe questions; those are in `sealedDetail`. */
export interface StoredScreening extends Screening {
  sealedDetail: string | null;
  /** Keyed digest of the detail, so a re-store can tell "same words" without opening the stored value. */
  detailDigest: string | null;
}

/** The key of a candidate the caller has one for (erased candidates were skipped before). */
export function keyOf(keys: ReadonlyMap<string, Buffer>, candidateId: string): Buffer {
  const key = keys.get(candidateId);
  if (!key) throw new Error(`no data key for candidate ${candidateId}: the caller skips erased candidates`);
  return key;
}

const profileContext = (candidateId: string) => `${candidateId}:profile`;
const detailContext = (s: Pick<Screening, 'candidateId' | 'rubricVersion' | 'revision'>) => `${s.candidateId}:screening:${s.rubricVersion}:${s.revision}`;

/** Same context as the candidate-sourced event's sealedProfile: the event's sealed form can be stored as it came. */
export function sealProfile(dataKey: Buffer, candidateId: string, profile: unknown): string {
  return sealJson(dataKey, profile, profileContext(candidateId));
}

export function openProfile(dataKey: Buffer, candidateId: string, sealed: string): unknown {
  return openJson(dataKey, sealed, profileContext(candidateId));
}

const DIGEST_INFO = Buffer.from('screening detail digest', 'utf8');
const HKDF_BLOCK_1 = Buffer.from([1]);
const SHA256_ZEROS = Buffer.alloc(32);

/**
 * The digest key: HKDF-SHA256(dataKey, no salt, "screening detail digest"),
 * 32 bytes, derived from the data key so it is destroyed with it and is never
 * the sealing key itself. Written as RFC 5869's two HMACs (extract, then the
 * one expand block 32 bytes need): the same bytes as node's hkdfSync
 * (sealed-screening.spec.ts), at half its cost per candidate.
 */
export function detailDigestKey(dataKey: Buffer): Buffer {
  const prk = createHmac('sha256', SHA256_ZEROS).update(dataKey).digest();
  return createHmac('sha256', prk).update(DIGEST_INFO).update(HKDF_BLOCK_1).digest();
}

export function sealScreening(dataKey: Buffer, s: Screening): StoredScreening {
  const detail: ScreeningDetail = { evidence: Object.fromEntries(s.rules.map((r) => [r.ruleId, r.evidence])), probes: s.interviewKit.probes };
  // Serialised and encoded once: the same bytes are digested and sealed.
  const json = Buffer.from(JSON.stringify(detail), 'utf8');
  // Object.assign, not `{ ...s, more }`: the same keys in the same order at a fraction of the cost (screening.mapper.ts).
  return Object.assign({}, s, {
    rules: s.rules.map((r) => Object.assign({}, r, { evidence: [] })),
    interviewKit: { ruleIds: s.interviewKit.ruleIds, probes: [] },
    sealedDetail: sealJsonText(dataKey, json, detailContext(s)),
    detailDigest: createHmac('sha256', detailDigestKey(dataKey)).update(json).digest('base64url'),
  });
}

/**
 * The screening with evidence and probes back in. No key (erased): every
 * rule's evidence reads "erased" and there are no probes. A row stored before
 * sealing (no sealed detail) is returned as it is.
 */
export function openScreening(stored: Screening & { sealedDetail: string | null }, dataKey: Buffer | undefined): Screening {
  const { sealedDetail, ...screening } = stored;
  if (sealedDetail === null) return screening;
  if (!dataKey) {
    return { ...screening, rules: screening.rules.map((r) => ({ ...r, evidence: [ERASED_EVIDENCE] })), interviewKit: { ruleIds: screening.interviewKit.ruleIds, probes: [] } };
  }
  const detail = openJson<ScreeningDetail>(dataKey, sealedDetail, detailContext(screening));
  return {
    ...screening,
    rules: screening.rules.map((r) => ({ ...r, evidence: detail.evidence[r.ruleId] ?? [] })),
    interviewKit: { ruleIds: screening.interviewKit.ruleIds, probes: detail.probes },
  };
}
