import { CreateNotifications1764500000000 } from './1764500000000-create-notifications';
import { StaffDirectory1765000000000 } from './1765000000000-staff-directory';

export const notificationMigrations = [CreateNotifications1764500000000, StaffDirectory1765000000000];
