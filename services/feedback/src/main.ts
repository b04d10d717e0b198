import { runService } from '@openday/platform';
import { FeedbackConfig } from './feedback.config';
import { FeedbackModule } from './feedback.module';
import { feedbackDatabase } from './feedback.database';

void runService({
  service: 'feedback',
  configClass: FeedbackConfig,
  database: feedbackDatabase,
  rootModule: (config) => FeedbackModule.forRoot(config),
  answersRequests: true,
});
