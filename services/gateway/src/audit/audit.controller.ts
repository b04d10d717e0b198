import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Page } from '@openday/contracts';
import { Access } from '../access/access.decorator';
import { ListAuditLogQuery, AuditPageDto } from './audit.dto';
import { AuditService, type AuditEntryView } from './audit.service';

@ApiTags('audit')
@Controller('api/v1/audit-log')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Access('city-office')
  @ApiOperation({
    summary: 'The audit log of privileged actions and staff reads of personal data, newest first (city office only)',
    description: 'Staff reads are recorded as action personal-data.read with the list, open day and the number of people read; filter with ?action=personal-data.read and ?list=.',
  })
  @ApiOkResponse({ type: AuditPageDto })
  list(@Query() query: ListAuditLogQuery): Promise<Page<AuditEntryView>> {
    return this.audit.list(query);
  }
}
