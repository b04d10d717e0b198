import { Body, Controller, Get, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor, Page } from '@openday/contracts';
import { Access } from '../access/access.decorator';
import { CurrentActor } from '../access/current-actor';
import { Idempotent } from '../idempotency/idempotency.interceptor';
import {
  AgencyDto,
  AgencyIdParams,
  AgencyPageDto,
  CreateAgencyRequest,
  ListAgenciesQuery,
  UpdateAgencyRequest,
  type AgencyView,
} from './agency.dto';
import { AgenciesService } from './agencies.service';

interface LocationSetter {
  location(url: string): void;
}

/** The agencies directory: public to read, managed by the city office. */
@ApiTags('agencies')
@Controller('api/v1/agencies')
export class AgenciesController {
  constructor(private readonly agencies: AgenciesService) {}

  @Get()
  @Access.public()
  @ApiOperation({ summary: 'The organising agencies, by code' })
  @ApiOkResponse({ type: AgencyPageDto })
  list(@Query() query: ListAgenciesQuery): Promise<Page<AgencyView>> {
    return this.agencies.list(query);
  }

  @Get(':agencyId')
  @Access.public()
  @ApiOkResponse({ type: AgencyDto })
  @ApiNotFoundResponse()
  get(@Param() params: AgencyIdParams): Promise<AgencyView> {
    return this.agencies.get(params.agencyId);
  }

  @Post()
  @Access('city-office')
  @Idempotent()
  @ApiOperation({ summary: 'Add an agency (audited)' })
  @ApiCreatedResponse({ type: AgencyDto })
  @ApiConflictResponse({ description: 'The code or name is taken.' })
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateAgencyRequest,
    @Res({ passthrough: true }) res: LocationSetter,
  ): Promise<AgencyView> {
    const agency = await this.agencies.create(actor, body);
    res.location(`/api/v1/agencies/${agency.id}`);
    return agency;
  }

  @Patch(':agencyId')
  @Access('city-office')
  @ApiOperation({ summary: 'Rename, reclassify, deactivate or reactivate an agency (audited)' })
  @ApiOkResponse({ type: AgencyDto })
  update(@CurrentActor() actor: Actor, @Param() params: AgencyIdParams, @Body() body: UpdateAgencyRequest): Promise<AgencyView> {
    return this.agencies.update(actor, params.agencyId, body);
  }
}
