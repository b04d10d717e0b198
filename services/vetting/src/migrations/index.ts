import { CreateSelection1764300000000 } from './1764300000000-create-selection';

export const vettingMigrations = [CreateSelection1764300000000];
