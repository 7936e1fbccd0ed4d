import type { AgencyApiKeyEntity } from './agency-api-key.entity';
import type { Agency } from './agency';
import type { AgencyResponse, ApiKeyResponse, IssuedApiKeyResponse } from './agency.dto';

export function toAgencyResponse(agency: Agency, keys?: AgencyApiKeyEntity[]): AgencyResponse {
  return {
    id: agency.id,
    name: agency.name,
    createdAt: agency.createdAt.toISOString(),
    ...(keys ? { apiKeys: keys.map(toApiKeyResponse) } : {}),
  };
}

export function toApiKeyResponse(key: AgencyApiKeyEntity): ApiKeyResponse {
  return {
    id: key.id,
    prefix: key.prefix,
    status: key.revokedAt ? 'revoked' : 'active',
    createdAt: key.createdAt.toISOString(),
    revokedAt: key.revokedAt ? key.revokedAt.toISOString() : null,
  };
}

export function toIssuedApiKeyResponse(key: AgencyApiKeyEntity, fullKey: string): IssuedApiKeyResponse {
  return { ...toApiKeyResponse(key), key: fullKey };
}
