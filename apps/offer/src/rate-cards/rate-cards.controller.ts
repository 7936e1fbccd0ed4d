import { Body, Controller, Get, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OpsTokenGuard } from '@hiring/platform';
import { GetCurrentRateCardService } from './get-current-rate-card.service';
import { GetRateCardService } from './get-rate-card.service';
import { ListRateCardsService } from './list-rate-cards.service';
import { PublishRateCardService } from './publish-rate-card.service';
import { CurrentRateCardQuery, PublishRateCardDto, RateCardResponse, RateCardSummaryResponse } from './rate-card.dto';

@ApiTags('rate cards')
@ApiBearerAuth()
@UseGuards(OpsTokenGuard)
@Controller('v1/rate-cards')
export class RateCardsController {
  constructor(
    private readonly listRateCards: ListRateCardsService,
    private readonly getRateCard: GetRateCardService,
    private readonly getCurrentRateCard: GetCurrentRateCardService,
    private readonly publishRateCard: PublishRateCardService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List rate card versions, oldest first' })
  @ApiOkResponse({ type: [RateCardSummaryResponse] })
  list(): Promise<RateCardSummaryResponse[]> {
    return this.listRateCards.execute();
  }

  @Get('current')
  @ApiOperation({ summary: 'The version in force on a day (today by default); 422 NO_RATE_CARD before the first version' })
  @ApiOkResponse({ type: RateCardResponse })
  current(@Query() query: CurrentRateCardQuery): Promise<RateCardResponse> {
    return this.getCurrentRateCard.execute(query.on);
  }

  @Get(':version')
  @ApiOperation({ summary: 'One version with its bands' })
  @ApiOkResponse({ type: RateCardResponse })
  get(@Param('version') version: string): Promise<RateCardResponse> {
    return this.getRateCard.execute(version);
  }

  @Post()
  @ApiOperation({ summary: 'Publish a new version (admin). Immutable: there is no update or delete.' })
  @ApiCreatedResponse({ type: RateCardResponse })
  publish(@Body() dto: PublishRateCardDto): Promise<RateCardResponse> {
    return this.publishRateCard.execute(dto);
  }
}
