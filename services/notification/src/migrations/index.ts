import { CreateNotifications1764500000000 } from './1764500000000-create-notifications';
import { StaffDirectory1765000000000 } from './1765000000000-staff-directory';
import { OpenDayChanges1765100000000 } from './1765100000000-open-day-changes';
import { ErasableAddresses1765200000000 } from './1765200000000-erasable-addresses';
import { TicketsByPerson1765300000000 } from './1765300000000-tickets-by-person';

export const notificationMigrations = [CreateNotifications1764500000000, StaffDirectory1765000000000, OpenDayChanges1765100000000, ErasableAddresses1765200000000, TicketsByPerson1765300000000];
