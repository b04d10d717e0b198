import { Module } from '@nestjs/common';
import { ClockModule, SERVICE_CONFIG, WorkingCalendarCopyModule } from '@openday/platform';
import type { VettingConfig } from '../vetting.config';
import { SelectionLedger } from './selection-ledger';
import { SelectionService } from './selection.service';
import { SelectionGroupService } from './selection-group.service';
import { SelectionRpcController } from './selection.rpc.controller';
import { VETTING_SETTINGS, type VettingSettings } from './records';

/** Selection in every mode and the selection group's decisions; the ledger and selection every other feature builds on. */
@Module({
  imports: [ClockModule.fromEnvironment('VETTING_TEST_NOW'), WorkingCalendarCopyModule],
  controllers: [SelectionRpcController],
  providers: [
    {
      provide: VETTING_SETTINGS,
      inject: [SERVICE_CONFIG],
      useFactory: (config: VettingConfig): VettingSettings => ({
        mediaPlacesOutsideQuota: config.MEDIA_PLACES_OUTSIDE_QUOTA,
        noShowLookBackMonths: config.NO_SHOW_LOOK_BACK_MONTHS,
        parkedArrivalFlagAfterMinutes: config.PARKED_ARRIVAL_FLAG_AFTER_MINUTES,
        firstComeSettleMs: config.FIRST_COME_SETTLE_MS,
      }),
    },
    SelectionLedger,
    SelectionService,
    SelectionGroupService,
  ],
  exports: [VETTING_SETTINGS, SelectionLedger, SelectionService],
})
export class SelectionRunsModule {}
