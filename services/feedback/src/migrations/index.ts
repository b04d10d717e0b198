import { CreateFeedback1764600000001 } from './1764600000001-create-feedback';

export const feedbackMigrations = [CreateFeedback1764600000001];
