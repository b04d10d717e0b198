import { Module } from '@nestjs/common';
import { ClockModule } from '@openday/platform';
import { VettingRetentionTask } from './vetting-retention.task';

@Module({ imports: [ClockModule.fromEnvironment('VETTING_TEST_NOW')], providers: [VettingRetentionTask] })
export class RetentionModule {}
