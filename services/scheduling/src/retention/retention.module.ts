import { Module } from '@nestjs/common';
import { ClockModule } from '@openday/platform';
import { SchedulingRetentionTask } from './scheduling-retention.task';

@Module({ imports: [ClockModule.fromEnvironment('SCHEDULING_TEST_NOW')], providers: [SchedulingRetentionTask] })
export class RetentionModule {}
