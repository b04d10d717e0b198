import { Body, Controller, Get, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor, Page } from '@openday/contracts';
import { Access } from '../access/access.decorator';
import { CurrentActor } from '../access/current-actor';
import { AgencyIdParams } from '../agencies/agency.dto';
import { Idempotent } from '../idempotency/idempotency.interceptor';
import {
  AccountParams,
  CreateStaffAccountRequest,
  ListAccountsQuery,
  StaffAccountDto,
  StaffAccountPageDto,
  UpdateStaffAccountRequest,
  type StaffAccountView,
} from './account.dto';
import { AccountsService } from './accounts.service';

interface LocationSetter {
  location(url: string): void;
}

/**
 * An agency's staff accounts. The city office manages every agency's; an agency
 * admin their own agency's — any other agency's accounts answer 404.
 */
@ApiTags('accounts')
@Controller('api/v1/agencies/:agencyId/accounts')
@Access('city-office', 'agency-admin')
@ApiNotFoundResponse({ description: 'No such agency or account, or one of another agency (problem+json).' })
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Get()
  @ApiOperation({ summary: "An agency's staff accounts, by username" })
  @ApiOkResponse({ type: StaffAccountPageDto })
  list(@CurrentActor() actor: Actor, @Param() params: AgencyIdParams, @Query() query: ListAccountsQuery): Promise<Page<StaffAccountView>> {
    return this.accounts.list(actor, params.agencyId, query);
  }

  @Post()
  @Idempotent()
  @ApiOperation({ summary: 'Create a staff account in the agency (audited)' })
  @ApiCreatedResponse({ type: StaffAccountDto })
  @ApiConflictResponse({ description: 'The username is taken.' })
  async create(
    @CurrentActor() actor: Actor,
    @Param() params: AgencyIdParams,
    @Body() body: CreateStaffAccountRequest,
    @Res({ passthrough: true }) res: LocationSetter,
  ): Promise<StaffAccountView> {
    const account = await this.accounts.create(actor, params.agencyId, body);
    res.location(`/api/v1/agencies/${account.agencyId}/accounts/${account.id}`);
    return account;
  }

  @Get(':accountId')
  @ApiOkResponse({ type: StaffAccountDto })
  get(@CurrentActor() actor: Actor, @Param() params: AccountParams): Promise<StaffAccountView> {
    return this.accounts.get(actor, params.agencyId, params.accountId);
  }

  @Patch(':accountId')
  @ApiOperation({ summary: 'Rename, change the role of, disable, enable or reset the password of a staff account (audited)' })
  @ApiOkResponse({ type: StaffAccountDto })
  update(@CurrentActor() actor: Actor, @Param() params: AccountParams, @Body() body: UpdateStaffAccountRequest): Promise<StaffAccountView> {
    return this.accounts.update(actor, params.agencyId, params.accountId, body);
  }
}
