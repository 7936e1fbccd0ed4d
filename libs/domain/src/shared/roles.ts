/** The two roles the guide tells apart (hiring-rules.md section 1). */
export const TARGET_ROLES = ['ai-tech-lead', 'tech-lead'] as const;
export type TargetRole = (typeof TARGET_ROLES)[number];

/** Market location tiers of the rate card (hiring-rules.md section 5). */
export const LOCATION_TIERS = ['us-sf-ny', 'us-metro', 'us-remote', 'uk-london', 'il-tel-aviv'] as const;
export type LocationTier = (typeof LOCATION_TIERS)[number];

export const ROLE_LABEL: Record<TargetRole, string> = {
  'ai-tech-lead': 'AI Tech Lead',
  'tech-lead': 'Technical Lead',
};

export function isTargetRole(value: unknown): value is TargetRole {
  return typeof value === 'string' && (TARGET_ROLES as readonly string[]).includes(value);
}

export function isLocationTier(value: unknown): value is LocationTier {
  return typeof value === 'string' && (LOCATION_TIERS as readonly string[]).includes(value);
}
