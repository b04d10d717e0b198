import { changedV1Of, type OpenDayChangedV2 } from '@openday/contracts';
import type { ChangedFrom, OpenDayChangedParams, SessionFacts } from '../templates/message-params';

/** The session and place a change leaves for the person's session; undefined when the change removed it. */
export function sessionAfter(change: OpenDayChangedV2, sessionId: string): SessionFacts | undefined {
  const session = change.sessions.find((s) => s.sessionId === sessionId);
  if (!session) return undefined;
  const { date, startsAt, endsAt } = session;
  return { title: change.title, date, startsAt, endsAt, venues: change.venues, assemblyPoint: change.assemblyPoint };
}

/** Only what differs, with its old value: the whole time when any part of it moved. */
export function changedFrom(before: SessionFacts, after: SessionFacts): ChangedFrom {
  const timeMoved = before.date !== after.date || before.startsAt !== after.startsAt || before.endsAt !== after.endsAt;
  return {
    ...(timeMoved && { date: before.date, startsAt: before.startsAt, endsAt: before.endsAt }),
    ...(JSON.stringify(before.venues) !== JSON.stringify(after.venues) && { venues: before.venues }),
    ...(before.assemblyPoint !== after.assemblyPoint && { assemblyPoint: before.assemblyPoint }),
  };
}

export interface ChangeRecipient {
  sessionId: string;
  /** Their session and place before the change, when known. */
  before: SessionFacts | null;
  waitlisted: boolean;
  /** The notices they were last given (a ticket's); a change of notices is news only to ticket holders. */
  notices: string[] | null;
}

/**
 * What one person is told of a change, or null when it is not news to them. A change of time
 * or place (sessions, venues, assembly point, as v1 named it) goes to holders and the waiting
 * list, with the old values of what moved. New notices go to ticket holders whose notices
 * differ. A change of eligibility alone tells nobody here: whoever no longer qualifies hears
 * it from vetting's rejection, with the reason. A removed session is not this message's.
 */
export function changeNotice(change: OpenDayChangedV2, recipient: ChangeRecipient): OpenDayChangedParams | null {
  const after = sessionAfter(change, recipient.sessionId);
  if (!after) return null;
  const newNotices =
    change.changedFields.includes('notices') && recipient.notices !== null && JSON.stringify(recipient.notices) !== JSON.stringify(change.notices)
      ? change.notices
      : undefined;
  const base = { ...after, reason: change.reason };
  if (changedV1Of(change)) {
    const before = recipient.before ? changedFrom(recipient.before, after) : undefined;
    return { ...base, ...(before && { before }), ...(newNotices && { notices: newNotices }), ...(recipient.waitlisted && { waitlisted: true }) };
  }
  return newNotices ? { ...base, subject: 'notices', notices: newNotices } : null;
}
