import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CalendarOperations,
  CalendarQuery,
  ChangeCalendarRequest,
  type CalendarCoverageView,
  FilingDeadlineQuery,
  type FilingDeadlineView,
  type WorkingCalendarView,
} from '@openday/contracts';
import { rpcPattern } from '@openday/platform';
import { WorkingCalendarService } from './working-calendar.service';

@Controller()
export class WorkingCalendarRpcController {
  constructor(private readonly calendar: WorkingCalendarService) {}

  /** Public: the official schedule is public information. */
  @MessagePattern(rpcPattern('scheduling', CalendarOperations.get))
  get(@Payload() query: CalendarQuery): Promise<WorkingCalendarView> {
    return this.calendar.view(query.year);
  }

  @MessagePattern(rpcPattern('scheduling', CalendarOperations.change))
  change(@Payload() request: ChangeCalendarRequest): Promise<WorkingCalendarView> {
    return this.calendar.change(request.actor, request.change);
  }

  /** The gateway admits the city office only. */
  @MessagePattern(rpcPattern('scheduling', CalendarOperations.coverage))
  coverage(): Promise<CalendarCoverageView> {
    return this.calendar.coverage();
  }

  @MessagePattern(rpcPattern('scheduling', CalendarOperations.filingDeadline))
  filingDeadline(@Payload() query: FilingDeadlineQuery): Promise<FilingDeadlineView> {
    return this.calendar.filingDeadline(query.eventDate);
  }
}
