import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';

export class CreateAgencyDto {
  @ApiProperty({ example: 'Northwind Talent', minLength: 1, maxLength: 200 })
  @IsString()
  @Length(1, 200)
  @Matches(/\S/, { message: 'name must not be blank' })
  name!: string;
}

export class ApiKeyResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'hak_3fQ9xk2L', description: 'First characters of the key, to tell keys apart. The key itself is never shown again.' })
  prefix!: string;
  @ApiProperty({ enum: ['active', 'revoked'] }) status!: 'active' | 'revoked';
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) revokedAt!: string | null;
}

export class IssuedApiKeyResponse extends ApiKeyResponse {
  @ApiProperty({ description: 'The full API key, shown only in this response. Send it as header x-api-key.' })
  key!: string;
}

export class AgencyResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiPropertyOptional({ type: [ApiKeyResponse] }) apiKeys?: ApiKeyResponse[];
}

export class CreatedAgencyResponse {
  @ApiProperty({ type: AgencyResponse }) agency!: AgencyResponse;
  @ApiProperty({ type: IssuedApiKeyResponse }) apiKey!: IssuedApiKeyResponse;
  @ApiProperty({ description: 'HMAC secret for signing Kafka submissions; shown only in this response.' })
  signingSecret!: string;
}

export class SigningSecretResponse {
  @ApiProperty({ description: 'The new HMAC secret for Kafka submissions; shown only in this response. The previous one stops working now.' })
  signingSecret!: string;
}
