import { Injectable } from '@nestjs/common';
import { DEFAULT_PAGE_LIMIT, ListCursorCodec, type CursorScope } from '../shared/list-cursor';
import type { SubmissionRejectionPage } from './submission-rejection.dto';
import { toRejectionResponse } from './submission-rejection.mapper';
import { SubmissionRejectionRepository } from './submission-rejection.repository';

export interface ListRejectionsInput {
  since?: string;
  limit?: number;
  cursor?: string;
}

/** An agency's own dead-lettered Kafka submissions, oldest first, a page at a time. */
@Injectable()
export class ListSubmissionRejectionsService {
  constructor(
    private readonly rejections: SubmissionRejectionRepository,
    private readonly cursors: ListCursorCodec,
  ) {}

  async execute(agencyId: string, input: ListRejectionsInput): Promise<SubmissionRejectionPage> {
    const scope: CursorScope = { list: 'submission-rejections', agencyId, filters: { since: input.since } };
    const after = input.cursor === undefined ? undefined : this.cursors.decode(scope, input.cursor);
    const limit = input.limit ?? DEFAULT_PAGE_LIMIT;
    const rows = await this.rejections.pageForAgency(agencyId, { since: input.since === undefined ? undefined : new Date(input.since), after }, limit + 1);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((r) => toRejectionResponse(r.rejection)),
      ...(rows.length > limit && last ? { nextCursor: this.cursors.encode(scope, last.position) } : {}),
    };
  }
}
