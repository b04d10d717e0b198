import { Module } from '@nestjs/common';
import { ClockModule } from '@openday/platform';
import { FeedbackRetentionTask } from './feedback-retention.task';

@Module({ imports: [ClockModule.fromEnvironment('FEEDBACK_TEST_NOW')], providers: [FeedbackRetentionTask] })
export class RetentionModule {}
