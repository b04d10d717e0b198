/** The delivery log as plain functions: the values it filters by (as the API names them) and one page's query. */
import type { components } from '../../api/schema';

export type Delivery = components['schemas']['DeliveryDto'];

export const DELIVERY_STATES: readonly Delivery['status'][] = ['waiting-for-contact', 'pending', 'sent', 'failed'];
export const CHANNELS: readonly NonNullable<Delivery['channel']>[] = ['sms', 'email', 'in-app'];
export const TEMPLATES: readonly Delivery['template'][] = [
  'sign-in-code',
  'application-received',
  'selected',
  'promoted',
  'rejected',
  'waitlisted',
  'reminder',
  'open-day-changed',
  'open-day-cancelled',
  'ticket-revoked',
  'feedback-answered',
  'feedback-chase',
  'plan-submitted',
  'plan-returned',
  'plan-approved',
  'application-flagged',
  'feedback-assigned',
  'open-day-change-filed',
  'open-day-change-returned',
  'open-day-change-approved',
];
export const RECIPIENT_KINDS: readonly Delivery['recipientKind'][] = ['person', 'department', 'sign-in', 'staff'];

export interface DeliveryFilters {
  status: Delivery['status'] | '';
  channel: NonNullable<Delivery['channel']> | '';
  template: Delivery['template'] | '';
}

export const NO_DELIVERY_FILTERS: DeliveryFilters = { status: '', channel: '', template: '' };

export function deliveryQuery(filters: DeliveryFilters, cursor: string | undefined, limit: number) {
  return {
    limit,
    ...(cursor ? { cursor } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.channel ? { channel: filters.channel } : {}),
    ...(filters.template ? { template: filters.template } : {}),
  };
}

/** The provider's answer is kept whole in the log; the table shows its start (the whole text on hover and in the title). */
export function answerPreview(answer: string | null, max = 80): string {
  if (!answer) return '';
  const oneLine = answer.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max)}…` : oneLine;
}
