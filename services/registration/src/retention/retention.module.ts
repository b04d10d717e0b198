import { Module } from '@nestjs/common';
import { ClockModule } from '@openday/platform';
import { RegistrationRetentionTask } from './registration-retention.task';

@Module({ imports: [ClockModule.fromEnvironment('REGISTRATION_TEST_NOW')], providers: [RegistrationRetentionTask] })
export class RetentionModule {}
