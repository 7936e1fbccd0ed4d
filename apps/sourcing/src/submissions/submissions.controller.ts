import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiConsumes,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiSecurity,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  getSchemaPath,
  ApiExtraModels,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { inspectInput, MAX_JSON_DEPTH, tooDeepProblem } from '@hiring/platform';
import { AgencyKeyGuard, CurrentAgency } from '../agencies/agency-key.guard';
import { AgencyThrottlerGuard } from '../agencies/agency-throttler.guard';
import type { AuthenticatedAgency } from '../agencies/authenticate-agency.service';
import { ListSubmissionRejectionsService } from '../rejections/list-submission-rejections.service';
import { ListRejectionsQuery, SubmissionRejectionPage } from '../rejections/submission-rejection.dto';
import { GetSubmissionService } from './get-submission.service';
import {
  BulkSubmissionResponse,
  ListSubmissionsQuery,
  MAX_BULK_BYTES,
  MAX_BULK_ITEMS,
  SubmissionAcceptedResponse,
  SubmissionPage,
  SubmissionResponse,
  SubmitCandidateDto,
} from './submission.dto';
import { ListSubmissionsService } from './list-submissions.service';
import { SubmitBulkService } from './submit-bulk.service';
import { SubmitCandidateService } from './submit-candidate.service';

@ApiTags('submissions (agency)')
@ApiSecurity('agency-key')
@ApiUnauthorizedResponse({ description: 'Missing, unknown or revoked x-api-key (problem+json)' })
@ApiTooManyRequestsResponse({ description: 'Rate limit per API key exceeded (problem+json)' })
@UseGuards(AgencyKeyGuard, AgencyThrottlerGuard)
@ApiExtraModels(SubmitCandidateDto)
@Controller('v1/submissions')
export class SubmissionsController {
  constructor(
    private readonly submitCandidate: SubmitCandidateService,
    private readonly submitBulk: SubmitBulkService,
    private readonly getSubmission: GetSubmissionService,
    private readonly listRejections: ListSubmissionRejectionsService,
    private readonly listSubmissions: ListSubmissionsService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Submit one sourced candidate (idempotent by externalId and Idempotency-Key)' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Up to 128 printable characters; same key + same body returns the original submission' })
  @ApiAcceptedResponse({ type: SubmissionAcceptedResponse, description: 'Accepted (sourced or duplicate); 200 with the original when it repeats an earlier submission' })
  async submit(
    @CurrentAgency() agency: AuthenticatedAgency,
    @Body() dto: SubmitCandidateDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SubmissionAcceptedResponse> {
    const { replayed, ...outcome } = await this.submitCandidate.execute(agency, dto, idempotencyKey);
    res.status(replayed ? 200 : 202);
    return outcome;
  }

  @Post('bulk')
  @HttpCode(200)
  @ApiOperation({ summary: `Submit up to ${MAX_BULK_ITEMS} candidates (at most ${MAX_BULK_BYTES} bytes): a JSON array, or NDJSON; per-item results` })
  @ApiConsumes('application/json', 'application/x-ndjson')
  @ApiBody({ schema: { type: 'array', maxItems: MAX_BULK_ITEMS, items: { $ref: getSchemaPath(SubmitCandidateDto) } } })
  @ApiOkResponse({ type: BulkSubmissionResponse })
  bulk(@CurrentAgency() agency: AuthenticatedAgency, @Req() req: Request): Promise<BulkSubmissionResponse> {
    // Taken off the request: the body (1-2 MB of NDJSON text for 500 items) is parsed into items at once, and the
    // request object would otherwise hold it until the response is sent, seconds under load, long enough to be
    // promoted to the old generation (docs/performance.md, lane 19b). Not a @Body() parameter either: Nest keeps
    // a handler's arguments until its promise settles. So the one check the body pipe made on this route (no DTO:
    // the depth of the whole list; items are judged one by one) is made here.
    const body: unknown = req.body;
    req.body = undefined;
    if (inspectInput(body, MAX_JSON_DEPTH + 1).tooDeep) throw tooDeepProblem();
    return this.submitBulk.execute(agency, body);
  }

  @Get()
  @ApiOperation({ summary: "This agency's submissions, oldest change first: filters status, requisitionId, updatedSince; cursor pages" })
  @ApiOkResponse({ type: SubmissionPage })
  list(@CurrentAgency() agency: AuthenticatedAgency, @Query() query: ListSubmissionsQuery): Promise<SubmissionPage> {
    return this.listSubmissions.execute(agency.id, query);
  }

  @Get('by-external-id/:externalId')
  @ApiOperation({ summary: "One of this agency's submissions by the agency's own externalId, with its status history" })
  @ApiOkResponse({ type: SubmissionResponse })
  byExternalId(@CurrentAgency() agency: AuthenticatedAgency, @Param('externalId') externalId: string): Promise<SubmissionResponse> {
    return this.getSubmission.byExternalId(agency.id, externalId);
  }

  // Declared before ':id', which would otherwise take "rejections" for an id.
  @Get('rejections')
  @ApiOperation({ summary: "This agency's signed Kafka submissions that were dead-lettered, with the reason, oldest first" })
  @ApiOkResponse({ type: SubmissionRejectionPage })
  rejections(@CurrentAgency() agency: AuthenticatedAgency, @Query() query: ListRejectionsQuery): Promise<SubmissionRejectionPage> {
    return this.listRejections.execute(agency.id, query);
  }

  @Get(':id')
  @ApiOperation({ summary: "One of this agency's submissions and its status through the pipeline" })
  @ApiOkResponse({ type: SubmissionResponse })
  get(@CurrentAgency() agency: AuthenticatedAgency, @Param('id', ParseUUIDPipe) id: string): Promise<SubmissionResponse> {
    return this.getSubmission.forAgency(agency.id, id);
  }
}
