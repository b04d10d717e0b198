import { addDays, type CalendarDate } from '../calendar/calendar-date';
import type { PlanContent } from './plan-rules';

type Writable<T> = T extends readonly (infer U)[] ? Writable<U>[] : T extends object ? { -readonly [K in keyof T]: Writable<T[K]> } : T;

/** A plan whose every part a test may change. */
export type EditablePlan = Writable<PlanContent>;

/**
 * A complete, valid plan (the water works visit of domain.md) for tests and examples: one
 * session on `eventDate` 09:00–11:30, published and opening for applications
 * `publishDaysBefore` (at least 2) days earlier at 09:00, closing 3 days before (or the day
 * before, when published later) at 16:00 (Asia/Shanghai). Tests change one thing and expect
 * one violation.
 */
export function examplePlan(eventDate = '2026-10-12', { publishDaysBefore = 13 } = {}): EditablePlan {
  const publishAt = `${addDays(eventDate as CalendarDate, -publishDaysBefore)}T09:00:00+08:00`;
  return {
    title: '走进自来水厂：从源头到龙头',
    theme: '了解城市供水全过程，座谈水价与水质',
    forms: ['site-visit', 'forum'],
    sessions: [
      {
        date: eventDate,
        startsAt: '09:00',
        endsAt: '11:30',
        capacity: 20,
        agenda: [
          { startsAt: '09:00', endsAt: '09:20', activity: '参观水厂中控室', venue: '第一水厂' },
          { startsAt: '09:20', endsAt: '10:20', activity: '参观水质监测中心', venue: '水质监测中心' },
          { startsAt: '10:30', endsAt: '11:20', activity: '座谈交流：水价与水质' },
          { startsAt: '11:20', endsAt: '11:30', activity: '发放供水服务手册' },
        ],
      },
    ],
    venues: [
      { name: '第一水厂', address: '滨江路 1 号' },
      { name: '水质监测中心', address: '滨江路 9 号' },
    ],
    assemblyPoint: '市民中心北门',
    transport: '统一乘坐大巴',
    quotas: [
      { category: 'ordinary-citizen', places: 10 },
      { category: 'congress-deputy', places: 5 },
      { category: 'party-member', places: 5 },
    ],
    minOrdinaryShare: 1 / 3,
    mediaOutsideQuota: true,
    eligibility: { minAge: 18, maxAge: 65, districts: ['gulou', 'taijiang'] },
    registrationOpensAt: publishAt,
    registrationClosesAt: `${addDays(eventDate as CalendarDate, -Math.min(3, publishDaysBefore - 1))}T16:00:00+08:00`,
    selectionMode: 'lottery',
    coSigningDepartments: [],
    notices: ['请携带本人身份证原件', '着装得体，遵守参观纪律'],
    publishAt,
  };
}
