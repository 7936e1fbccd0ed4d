import { validateCandidateProfile } from '@hiring/domain';
import type { SourcingFieldError } from '../shared/sourcing.exception';

/**
 * The domain's profile check, its errors under `profile.…` as a submission
 * reports them: the intake (single POST, bulk item) and the single POST's
 * plain check (a profile key naming a prototype member) answer the same.
 */
export function profileFieldErrors(profile: unknown): SourcingFieldError[] {
  const checked = validateCandidateProfile(profile);
  if (checked.ok) return [];
  return checked.errors.map((e) => ({ path: e.path === '(root)' ? 'profile' : `profile.${e.path}`, message: e.message }));
}
