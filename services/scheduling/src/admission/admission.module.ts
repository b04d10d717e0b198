import { Module } from '@nestjs/common';
import { ClockModule } from '@openday/platform';
import {
  AdmissionApplicantsSubscriber,
  AdmissionOpenDaysSubscriber,
  AdmissionSelectionsSubscriber,
  AdmissionWithdrawalsSubscriber,
} from './admission-events.subscribers';
import { AdmissionRpcController } from './admission.rpc.controller';
import { AdmissionService } from './admission.service';
import { NoShowPoller } from './no-show.poller';
import { NoShowsService } from './no-shows.service';
import { TicketsService } from './tickets.service';

/** Admission tickets, check-in, rosters and no-shows (steps 6 and 7 of the open-day cycle). */
@Module({
  imports: [ClockModule.fromEnvironment('SCHEDULING_TEST_NOW')],
  controllers: [AdmissionRpcController],
  providers: [
    AdmissionService,
    TicketsService,
    NoShowsService,
    NoShowPoller,
    AdmissionOpenDaysSubscriber,
    AdmissionApplicantsSubscriber,
    AdmissionWithdrawalsSubscriber,
    AdmissionSelectionsSubscriber,
  ],
  exports: [AdmissionService],
})
export class AdmissionModule {}
