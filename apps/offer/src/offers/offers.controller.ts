import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OpsTokenGuard, validationProblem } from '@hiring/platform';
import { GetOfferService } from './get-offer.service';
import { ListOffersService } from './list-offers.service';
import { DeclineOfferDto, ListOffersQuery, OfferResponse, OverrideOfferDto, ProposeOfferDto } from './offer.dto';
import { OverrideOfferService } from './override-offer.service';
import { ProposeOfferService } from './propose-offer.service';
import { RecordOfferDeclinedService } from './record-offer-declined.service';

const offerId = new ParseUUIDPipe({ exceptionFactory: () => validationProblem([{ path: 'id', message: 'id must be a UUID' }]) });

@ApiTags('offers')
@ApiBearerAuth()
@UseGuards(OpsTokenGuard)
@Controller('v1/offers')
export class OffersController {
  constructor(
    private readonly proposeOffer: ProposeOfferService,
    private readonly overrideOffer: OverrideOfferService,
    private readonly recordOfferDeclined: RecordOfferDeclinedService,
    private readonly getOffer: GetOfferService,
    private readonly listOffers: ListOffersService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Propose an offer; judged against the floor of the rate card in force on proposedOn. A refusal is a 201 with decision "refused".' })
  @ApiCreatedResponse({ type: OfferResponse })
  propose(@Body() dto: ProposeOfferDto): Promise<OfferResponse> {
    return this.proposeOffer.execute(dto);
  }

  @Post(':id/override')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve a below-floor refusal by a named approver with a reason (409 on an approved offer or a currency mismatch)' })
  @ApiOkResponse({ type: OfferResponse })
  override(@Param('id', offerId) id: string, @Body() dto: OverrideOfferDto): Promise<OfferResponse> {
    return this.overrideOffer.execute(id, dto);
  }

  @Post(':id/declined')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record that the candidate declined an approved offer' })
  @ApiOkResponse({ type: OfferResponse })
  declined(@Param('id', offerId) id: string, @Body() dto: DeclineOfferDto): Promise<OfferResponse> {
    return this.recordOfferDeclined.execute(id, dto);
  }

  @Get(':id')
  @ApiOkResponse({ type: OfferResponse })
  get(@Param('id', offerId) id: string): Promise<OfferResponse> {
    return this.getOffer.execute(id);
  }

  @Get()
  @ApiOperation({ summary: "A candidate's offers, newest first (at most 100)" })
  @ApiOkResponse({ type: [OfferResponse] })
  list(@Query() query: ListOffersQuery): Promise<OfferResponse[]> {
    return this.listOffers.execute(query.candidateId);
  }
}
