import { Module } from '@nestjs/common';
import { ClockModule } from '@openday/platform';
import { NotificationRetentionTask } from './notification-retention.task';

@Module({ imports: [ClockModule.fromEnvironment('NOTIFICATION_TEST_NOW')], providers: [NotificationRetentionTask] })
export class RetentionModule {}
