import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Length, Matches } from 'class-validator';

export class RescreenDto {
  @ApiPropertyOptional({ example: '2026-03', description: 'Rubric version to replay; default: the version in force today for each role.' })
  @IsOptional() @IsString() @Length(1, 64) @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]*$/)
  rubricVersion?: string;

  @ApiPropertyOptional({ default: false, description: 'Report what would change; store and publish nothing.' })
  @IsOptional() @IsBoolean()
  dryRun?: boolean;
}
