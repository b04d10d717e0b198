import { CreateNotifications1764500000000 } from './1764500000000-create-notifications';

export const notificationMigrations = [CreateNotifications1764500000000];
