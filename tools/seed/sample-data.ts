// The sample data: examples/seed/samples.json (agencies, requisitions,
// candidates) and the profile templates in examples/seed/profiles/. Checked
// here so a broken sample file fails with its path, not as a 400 halfway in.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { validateCandidateProfile, type TargetRole } from '@hiring/domain';
import { SeedError } from './seed-config';

export const CHANNELS = ['http', 'bulk', 'kafka', 'kafka-forged'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface SampleAgency {
  key: string;
  name: string;
}

export interface SampleRequisition {
  key: string;
  title: string;
  locationTier: string;
  expectedRole: TargetRole;
  signals: Record<string, number | boolean>;
}

export interface SampleCandidate {
  key: string;
  agency: string;
  requisition: string;
  channel: Channel;
  profile: string;
  note: string;
  candidate: { name: string; email?: string; phone?: string; profileUrl?: string };
  overrides?: Record<string, unknown>;
}

export interface SampleData {
  agencies: SampleAgency[];
  requisitions: SampleRequisition[];
  samples: SampleCandidate[];
  /** Profile templates by file name (without .json). */
  profiles: Map<string, Record<string, unknown>>;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (error) {
    throw new SeedError(`cannot read ${file}: ${(error as Error).message}`);
  }
}

export function loadSampleData(file: string): SampleData {
  const data = readJson(file) as Partial<SampleData>;
  const fail = (path: string, message: string): never => {
    throw new SeedError(`${file}: ${path}: ${message}`);
  };
  if (!Array.isArray(data.agencies) || !Array.isArray(data.requisitions) || !Array.isArray(data.samples)) fail('(root)', 'needs agencies, requisitions and samples arrays');
  const agencies = data.agencies as SampleAgency[];
  const requisitions = data.requisitions as SampleRequisition[];
  const samples = data.samples as SampleCandidate[];
  const profiles = new Map<string, Record<string, unknown>>();
  const keys = new Set<string>();
  samples.forEach((s, i) => {
    const at = `samples[${i}]`;
    if (typeof s.key !== 'string' || !/^[a-z0-9-]{1,60}$/.test(s.key)) fail(`${at}.key`, 'must be lowercase letters, digits and "-"');
    if (keys.has(s.key)) fail(`${at}.key`, `"${s.key}" is used twice (it becomes the externalId)`);
    keys.add(s.key);
    if (!agencies.some((a) => a.key === s.agency)) fail(`${at}.agency`, `"${s.agency}" is not one of the agencies`);
    if (!requisitions.some((r) => r.key === s.requisition)) fail(`${at}.requisition`, `"${s.requisition}" is not one of the requisitions`);
    if (!(CHANNELS as readonly string[]).includes(s.channel)) fail(`${at}.channel`, `must be one of ${CHANNELS.join(', ')}`);
    if (typeof s.candidate?.name !== 'string') fail(`${at}.candidate.name`, 'is required');
    if (!profiles.has(s.profile)) {
      if (!/^[a-z0-9-]+$/.test(s.profile ?? '')) fail(`${at}.profile`, 'must name a file in profiles/');
      const profile = readJson(join(dirname(file), 'profiles', `${s.profile}.json`)) as Record<string, unknown>;
      const checked = validateCandidateProfile(profile);
      if (!checked.ok) fail(`profiles/${s.profile}.json`, checked.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
      profiles.set(s.profile, profile);
    }
  });
  return { agencies, requisitions, samples, profiles };
}

/** The profile sent for a sample: its template, its overrides, and the requisition's role and location. */
export function profileFor(data: SampleData, sample: SampleCandidate, requisition: { targetRole: string; locationTier: string }): Record<string, unknown> {
  const profile = { ...data.profiles.get(sample.profile), ...sample.overrides, targetRole: requisition.targetRole, locationTier: requisition.locationTier };
  const checked = validateCandidateProfile(profile);
  if (!checked.ok) throw new SeedError(`sample ${sample.key}: profile invalid after overrides: ${checked.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return profile;
}
