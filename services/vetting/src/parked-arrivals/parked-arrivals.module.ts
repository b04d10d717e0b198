import { Module } from '@nestjs/common';
import { ClockModule } from '@openday/platform';
import { ParkedArrivalsFlagger } from './parked-arrivals-flagger';

/** Applications parked for a session vetting has not seen yet, flagged to the city office when they wait too long. */
@Module({
  imports: [ClockModule.fromEnvironment('VETTING_TEST_NOW')],
  providers: [ParkedArrivalsFlagger],
  exports: [ParkedArrivalsFlagger],
})
export class ParkedArrivalsModule {}
