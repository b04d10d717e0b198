import { CreateSelection1764300000000 } from './1764300000000-create-selection';
import { WorkingCalendarCopy1764420000000 } from './1764420000000-working-calendar-copy';
import { OpenDayChanges1764900000000 } from './1764900000000-open-day-changes';
import { SessionMediaPlaces1765000000000 } from './1765000000000-session-media-places';
import { ErasableApplicants1765200000000 } from './1765200000000-erasable-applicants';
import { FirstComeArrivals1765300000000 } from './1765300000000-first-come-arrivals';
import { LotteryCommitments1765500000000 } from './1765500000000-lottery-commitments';

export const vettingMigrations = [CreateSelection1764300000000, WorkingCalendarCopy1764420000000, OpenDayChanges1764900000000, SessionMediaPlaces1765000000000, ErasableApplicants1765200000000, FirstComeArrivals1765300000000, LotteryCommitments1765500000000];
