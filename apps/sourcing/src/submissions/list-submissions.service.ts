import { Injectable } from '@nestjs/common';
import { DEFAULT_PAGE_LIMIT, ListCursorCodec, type CursorScope } from '../shared/list-cursor';
import type { SubmissionPage } from './submission.dto';
import { toSubmissionResponse } from './submission.mapper';
import { SubmissionRepository } from './submission.repository';

export interface ListSubmissionsInput {
  status?: string;
  requisitionId?: string;
  updatedSince?: string;
  limit?: number;
  cursor?: string;
}

/**
 * The calling agency's submissions, in the order sourcing recorded their last
 * change, a page at a time: one statement for the page, one for its histories.
 */
@Injectable()
export class ListSubmissionsService {
  constructor(
    private readonly submissions: SubmissionRepository,
    private readonly cursors: ListCursorCodec,
  ) {}

  async execute(agencyId: string, input: ListSubmissionsInput): Promise<SubmissionPage> {
    const filters = { status: input.status, requisitionId: input.requisitionId, updatedSince: input.updatedSince };
    const scope: CursorScope = { list: 'submissions', agencyId, filters };
    const after = input.cursor === undefined ? undefined : this.cursors.decode(scope, input.cursor);
    const limit = input.limit ?? DEFAULT_PAGE_LIMIT;
    const rows = await this.submissions.pageForAgency(
      agencyId,
      { status: input.status, requisitionId: input.requisitionId, updatedSince: input.updatedSince === undefined ? undefined : new Date(input.updatedSince), after },
      limit + 1,
    );
    const page = rows.slice(0, limit);
    const histories = await this.submissions.historyMany(page.map((r) => r.submission.id));
    const last = page[page.length - 1];
    return {
      items: page.map((r) => toSubmissionResponse(r.submission, histories.get(r.submission.id) ?? [])),
      ...(rows.length > limit && last ? { nextCursor: this.cursors.encode(scope, last.position) } : {}),
    };
  }
}
