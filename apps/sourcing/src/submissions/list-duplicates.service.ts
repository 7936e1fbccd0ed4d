import { Injectable } from '@nestjs/common';
import { DuplicateRepository } from './duplicate.repository';
import type { DuplicateResponse } from './submission.dto';
import { toDuplicateResponse } from './submission.mapper';

/** Ops view of cross-agency duplicates, newest first, with both agencies named. */
@Injectable()
export class ListDuplicatesService {
  constructor(private readonly duplicates: DuplicateRepository) {}

  async execute(filter: { agencyId?: string; limit: number }): Promise<DuplicateResponse[]> {
    return (await this.duplicates.list(filter)).map(toDuplicateResponse);
  }
}
