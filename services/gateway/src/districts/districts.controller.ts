import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  DistrictChangeInput,
  DistrictInput,
  DistrictOperations,
  DistrictQuery,
  type Actor,
  type AddDistrictRequest,
  type ChangeDistrictRequest,
  type DistrictListView,
  type DistrictView,
} from '@openday/contracts';
import { RpcClient } from '@openday/platform';
import { Access } from '../access/access.decorator';
import { CurrentActor } from '../access/current-actor';
import { Audited } from '../audit/audited.interceptor';
import { DistrictCodeParams, DistrictDto, DistrictListDto } from './district.dto';

/** The district list kept by scheduling: anyone reads it; the city office keeps it. */
@ApiTags('districts')
@Controller('api/v1/districts')
export class DistrictsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @Access.public()
  @ApiOperation({ summary: 'The districts an open day can be for (the active ones; all with includeInactive=true)' })
  @ApiOkResponse({ type: DistrictListDto })
  list(@Query() query: DistrictQuery): Promise<DistrictListView> {
    return this.rpc.call('scheduling', DistrictOperations.list, query);
  }

  @Post()
  @Access('city-office')
  @Audited('district.added', { targetType: 'district', targetId: 'result:code' })
  @ApiOperation({ summary: 'Add a district (city office, audited)' })
  @ApiCreatedResponse({ type: DistrictDto })
  @ApiBadRequestResponse({ description: 'A field is invalid (problem+json naming it).' })
  @ApiConflictResponse({ description: 'The code is on the list already.' })
  add(@Body() district: DistrictInput, @CurrentActor() actor: Actor): Promise<DistrictView> {
    const payload: AddDistrictRequest = { actor, district };
    return this.rpc.call('scheduling', DistrictOperations.add, payload);
  }

  @Put(':code')
  @Access('city-office')
  @Audited('district.changed', { targetType: 'district', targetId: 'param:code' })
  @ApiOperation({ summary: 'Rename, deactivate or reactivate a district (city office, audited)', description: 'Plans already naming a deactivated district keep it; new choices cannot name it.' })
  @ApiOkResponse({ type: DistrictDto })
  @ApiNotFoundResponse({ description: 'No such district.' })
  change(@Param() params: DistrictCodeParams, @Body() change: DistrictChangeInput, @CurrentActor() actor: Actor): Promise<DistrictView> {
    const payload: ChangeDistrictRequest = { actor, code: params.code, change };
    return this.rpc.call('scheduling', DistrictOperations.change, payload);
  }
}
