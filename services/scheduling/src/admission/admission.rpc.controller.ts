import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AdmissionRpcOperations,
  CheckInRequest,
  MyTicketsRequest,
  RevokeTicketRequest,
  RosterRequest,
  TicketRequest,
  type AttendanceEntry,
  type RosterCsvFile,
  type RosterPage,
  type TicketPage,
  type TicketView,
} from '@openday/contracts';
import { rpcPattern } from '@openday/platform';
import { TicketsService } from './tickets.service';

const ops = AdmissionRpcOperations;

@Controller()
export class AdmissionRpcController {
  constructor(private readonly tickets: TicketsService) {}

  @MessagePattern(rpcPattern('scheduling', ops.listMyTickets))
  listMine(@Payload() request: MyTicketsRequest): Promise<TicketPage> {
    return this.tickets.listMine(request);
  }

  @MessagePattern(rpcPattern('scheduling', ops.getMyTicket))
  getMine(@Payload() request: TicketRequest): Promise<TicketView> {
    return this.tickets.getMine(request);
  }

  @MessagePattern(rpcPattern('scheduling', ops.revoke))
  revoke(@Payload() request: RevokeTicketRequest): Promise<AttendanceEntry> {
    return this.tickets.revoke(request);
  }

  @MessagePattern(rpcPattern('scheduling', ops.checkIn))
  checkIn(@Payload() request: CheckInRequest): Promise<AttendanceEntry> {
    return this.tickets.checkIn(request);
  }

  @MessagePattern(rpcPattern('scheduling', ops.roster))
  roster(@Payload() request: RosterRequest): Promise<RosterPage> {
    return this.tickets.roster(request);
  }

  /** The whole roster (no paging), as CSV; the query part of the request is ignored. */
  @MessagePattern(rpcPattern('scheduling', ops.rosterCsv))
  rosterCsv(@Payload() request: RosterRequest): Promise<RosterCsvFile> {
    return this.tickets.rosterCsv(request);
  }
}
