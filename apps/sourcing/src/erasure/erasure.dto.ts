import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class EraseCandidateDto {
  @ApiProperty({ example: 'dpo@example.com', description: 'Who asked for the erasure (recorded; what was erased is not).' })
  @IsString()
  @Length(1, 200)
  requestedBy!: string;
}

export class ErasureResponse {
  @ApiProperty({ format: 'uuid' }) candidateId!: string;
  @ApiProperty() requestedBy!: string;
  @ApiProperty({ format: 'date-time' }) erasedAt!: string;
  @ApiProperty({ description: 'false when the candidate had been erased before (nothing done again)' }) erasedNow!: boolean;
  @ApiProperty({ description: "true when the candidate's data key was destroyed: every sealed copy of their data is unreadable" }) dataKeyDestroyed!: boolean;
  @ApiProperty({
    description:
      'true when the submissions topic and its dead letters were purged past every record they held at the erasure (they carry what agencies sent in clear); false: some were not consumed yet or Kafka failed, repeat the erasure to purge again',
  })
  intakePurged!: boolean;
}
