import { useQuery } from '@tanstack/react-query';
import { accountApi } from './account-api';

/** Query keys of the signed-in pages; a change (withdrawal, rating, new opinion) invalidates `mine`. */
export const keys = {
  mine: ['account'] as const,
  applications: ['account', 'applications'] as const,
  tickets: ['account', 'tickets'] as const,
  ticket: (id: string) => ['account', 'ticket', id] as const,
  feedback: ['account', 'feedback'] as const,
  survey: (openDayId: string) => ['account', 'survey', openDayId] as const,
  inbox: ['account', 'inbox'] as const,
  openDay: (id: string) => ['account', 'open-day', id] as const,
};

export const useApplications = () => useQuery({ queryKey: keys.applications, queryFn: accountApi.applications });
export const useTickets = () => useQuery({ queryKey: keys.tickets, queryFn: accountApi.tickets });
export const useMyFeedback = () => useQuery({ queryKey: keys.feedback, queryFn: accountApi.feedback });
export const useOpenDay = (id: string | undefined) =>
  useQuery({ queryKey: keys.openDay(id ?? ''), queryFn: () => accountApi.openDay(id!), enabled: Boolean(id) });

/** The survey only answers for an open day the citizen holds a ticket for (404 otherwise): ask only then. */
export const useSurvey = (openDayId: string | undefined, enabled = true) =>
  useQuery({ queryKey: keys.survey(openDayId ?? ''), queryFn: () => accountApi.survey(openDayId!), enabled: Boolean(openDayId) && enabled, retry: false });
