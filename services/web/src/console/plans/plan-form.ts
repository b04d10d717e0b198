/**
 * The plan editor's form values and the API's plan body, as plain functions. The form keeps what
 * a person types (times as 'HH:mm', instants as Shanghai wall clock 'YYYY-MM-DDTHH:mm[:ss]', the
 * ordinary-citizen share as a percentage); the body is what POST/PUT /api/v1/plans take.
 */
import type { components } from '../../api/schema';
import { shanghaiDate, shanghaiTime } from '../../time/shanghai';
import { isCalendarDate } from '@openday/domain/calendar';

export type Plan = components['schemas']['PlanDto'];
export type PlanBody = components['schemas']['PlanBodyDoc'];
type Category = components['schemas']['QuotaDoc']['category'];
type Form = PlanBody['forms'][number];
type SelectionMode = PlanBody['selectionMode'];

export const OPEN_DAY_FORMS: readonly Form[] = ['site-visit', 'observation', 'meeting', 'forum', 'livestream'];
export const SELECTION_MODES: readonly SelectionMode[] = ['first-come', 'lottery', 'selection-group'];
export const CATEGORIES: readonly Category[] = ['ordinary-citizen', 'congress-deputy', 'cppcc-member', 'party-member', 'village-cadre', 'enterprise', 'media', 'other'];

export interface AgendaItemValues {
  startsAt: string;
  endsAt: string;
  activity: string;
  venue?: string | null;
}

export interface SessionValues {
  /** Kept when editing, so the session (and what refers to it) stays the same session. */
  id?: string;
  date: string;
  startsAt: string;
  endsAt: string;
  capacity: number | null;
  /** Media on top of the places; asked only when media come outside the quota. */
  mediaPlaces?: number | null;
  agenda: AgendaItemValues[];
}

export interface VenueValues {
  name: string;
  address: string;
}

export interface QuotaValues {
  category?: Category;
  places: number | null;
}

export interface PlanFormValues {
  title: string;
  theme: string;
  forms: Form[];
  selectionMode?: SelectionMode;
  sessions: SessionValues[];
  venues: VenueValues[];
  assemblyPoint: string;
  transport: string;
  quotas: QuotaValues[];
  /** The least share of places for ordinary citizens, in per cent (33.34 for one third). */
  minOrdinaryPercent: number | null;
  mediaOutsideQuota: boolean;
  minAge: number | null;
  /** null: no upper age limit. */
  maxAge: number | null;
  districts: string[];
  /** Shanghai wall clock, as a datetime-local field holds it. */
  registrationOpensAt: string;
  registrationClosesAt: string;
  publishAt: string;
  coSigningDepartments: string[];
  notices: string[];
}

const LOCAL_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

/** '2026-10-09T16:00' (Shanghai wall clock) → '2026-10-09T16:00:00+08:00'; anything else stays as typed, for the rules to name. */
export function instantOf(local: string): string {
  const value = (local ?? '').trim();
  if (!LOCAL_INSTANT.test(value)) return value;
  return `${value.length === 16 ? `${value}:00` : value}+08:00`;
}

/** An instant as the Shanghai wall clock a datetime-local field shows (seconds only when there are some). */
export function localOf(instant: string): string {
  const millis = Date.parse(instant);
  if (Number.isNaN(millis)) return '';
  const seconds = new Date(millis).getUTCSeconds();
  const time = seconds === 0 ? shanghaiTime(millis) : `${shanghaiTime(millis)}:${String(seconds).padStart(2, '0')}`;
  return `${shanghaiDate(millis)}T${time}`;
}

/** A fraction from a percentage, without the float noise of a plain division (33.34 → 0.3334). */
export function shareOf(percent: number | null): number {
  return percent === null || percent === undefined ? Number.NaN : Number((percent / 100).toFixed(6));
}

export function percentOf(share: number): number {
  return Math.round(share * 10_000) / 100;
}

const text = (value: string | null | undefined) => (value ?? '').trim();
const count = (value: number | null | undefined) => (typeof value === 'number' ? value : Number.NaN);

/** What the API is sent for these values (unchecked: the rules say what is wrong with it). */
export function planBody(values: PlanFormValues): PlanBody {
  return {
    title: text(values.title),
    theme: text(values.theme),
    forms: [...(values.forms ?? [])],
    sessions: (values.sessions ?? []).map((session) => ({
      ...(session.id ? { id: session.id } : {}),
      date: text(session.date),
      startsAt: text(session.startsAt),
      endsAt: text(session.endsAt),
      capacity: count(session.capacity),
      // Hidden while media take quota places: whatever it held then is not the plan's.
      mediaPlaces: values.mediaOutsideQuota === true ? (session.mediaPlaces ?? 0) : 0,
      agenda: (session.agenda ?? []).map((item) => ({
        startsAt: text(item.startsAt),
        endsAt: text(item.endsAt),
        activity: text(item.activity),
        ...(text(item.venue) ? { venue: text(item.venue) } : {}),
      })),
    })),
    venues: (values.venues ?? []).map((venue) => ({ name: text(venue.name), address: text(venue.address) })),
    assemblyPoint: text(values.assemblyPoint),
    transport: text(values.transport),
    quotas: (values.quotas ?? []).map((quota) => ({ category: quota.category ?? ('' as Category), places: count(quota.places) })),
    minOrdinaryShare: shareOf(values.minOrdinaryPercent),
    mediaOutsideQuota: values.mediaOutsideQuota === true,
    eligibility: { minAge: count(values.minAge), maxAge: values.maxAge ?? null, districts: [...(values.districts ?? [])] },
    registrationOpensAt: instantOf(values.registrationOpensAt),
    registrationClosesAt: instantOf(values.registrationClosesAt),
    selectionMode: values.selectionMode ?? ('' as SelectionMode),
    coSigningDepartments: [...(values.coSigningDepartments ?? [])],
    notices: (values.notices ?? []).map(text),
    publishAt: instantOf(values.publishAt),
  };
}

/** The values of a plan, to edit it. */
export function planValues(plan: Plan): PlanFormValues {
  return {
    title: plan.title,
    theme: plan.theme,
    forms: [...plan.forms],
    selectionMode: plan.selectionMode,
    sessions: plan.sessions.map((session) => ({
      id: session.id,
      date: session.date,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      capacity: session.capacity,
      mediaPlaces: session.mediaPlaces,
      agenda: session.agenda.map((item) => ({ startsAt: item.startsAt, endsAt: item.endsAt, activity: item.activity, venue: item.venue ?? undefined })),
    })),
    venues: plan.venues.map((venue) => ({ name: venue.name, address: venue.address })),
    assemblyPoint: plan.assemblyPoint,
    transport: plan.transport,
    quotas: plan.quotas.map((quota) => ({ category: quota.category, places: quota.places })),
    minOrdinaryPercent: percentOf(plan.minOrdinaryShare),
    mediaOutsideQuota: plan.mediaOutsideQuota,
    minAge: plan.eligibility.minAge,
    maxAge: plan.eligibility.maxAge ?? null,
    districts: [...plan.eligibility.districts],
    registrationOpensAt: localOf(plan.registrationOpensAt),
    registrationClosesAt: localOf(plan.registrationClosesAt),
    publishAt: localOf(plan.publishAt),
    coSigningDepartments: [...plan.coSigningDepartments],
    notices: [...plan.notices],
  };
}

/** A new plan: one half-day session with one agenda item, one venue, ordinary citizens at one third, adults. */
export function blankPlanValues(): PlanFormValues {
  return {
    title: '',
    theme: '',
    forms: [],
    selectionMode: undefined,
    sessions: [blankSession()],
    venues: [{ name: '', address: '' }],
    assemblyPoint: '',
    transport: '',
    quotas: [{ category: 'ordinary-citizen', places: null }],
    minOrdinaryPercent: 33.34,
    mediaOutsideQuota: true,
    minAge: 18,
    maxAge: null,
    districts: [],
    registrationOpensAt: '',
    registrationClosesAt: '',
    publishAt: '',
    coSigningDepartments: [],
    notices: [],
  };
}

export function blankSession(): SessionValues {
  return { date: '', startsAt: '09:00', endsAt: '11:30', capacity: 20, mediaPlaces: 0, agenda: [blankAgendaItem()] };
}

export function blankAgendaItem(): AgendaItemValues {
  return { startsAt: '', endsAt: '', activity: '', venue: undefined };
}

/** The event's date: the earliest valid session date, or undefined before one is typed. */
export function eventDateOf(sessions: ReadonlyArray<{ date: string }> | undefined): string | undefined {
  const dates = (sessions ?? []).map((session) => (session?.date ?? '').trim()).filter(isCalendarDate);
  return dates.length ? [...dates].sort()[0] : undefined;
}
