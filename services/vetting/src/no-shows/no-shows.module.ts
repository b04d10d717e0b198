import { Module } from '@nestjs/common';
import { AttendeeNoShowSubscriber } from './attendee-no-show.subscriber';

/** Scheduling's no-shows, kept for the look-back of later screening. */
@Module({
  providers: [AttendeeNoShowSubscriber],
})
export class NoShowsModule {}
