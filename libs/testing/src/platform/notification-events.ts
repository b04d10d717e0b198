import { randomUUID } from 'node:crypto';
import type { JetStreamClient } from '@nats-io/jetstream';
import {
  ApplicationSelectedV2,
  ContactDetailsRecordedV1,
  TicketIssuedV2,
  type BusNamespace,
  type CloudEvent,
  type EventContract,
  type MessageLanguage,
} from '@openday/contracts';

/** Publishes an event as its producer's outbox relay would (Nats-Msg-Id = event id); answers the event. */
export async function publishEvent<T>(js: JetStreamClient, namespace: BusNamespace, contract: EventContract<T>, data: T, subject = 'test'): Promise<CloudEvent<T>> {
  const event = contract.create(data, { subject });
  await js.publish(contract.subjectIn(namespace), JSON.stringify(event), { msgID: event.id });
  return event;
}

/** The same event once more under another Nats-Msg-Id: JetStream keeps both, so the consumer sees a redelivery. */
export async function republish<T>(js: JetStreamClient, namespace: BusNamespace, contract: EventContract<T>, event: CloudEvent<T>): Promise<void> {
  await js.publish(contract.subjectIn(namespace), JSON.stringify(event), { msgID: `${event.id}-again` });
}

export interface TestPerson {
  personId: string;
  applicationId: string;
  applicantUserId: string;
  mobile: string;
  email: string | null;
  language: MessageLanguage;
}

let serial = 0;

/** A person with a unique mobile (and e-mail unless told otherwise). */
export function testPerson(overrides: Partial<TestPerson> = {}): TestPerson {
  serial += 1;
  const n = `${process.pid % 1000}`.padStart(3, '0') + `${serial}`.padStart(5, '0');
  return {
    personId: randomUUID(),
    applicationId: randomUUID(),
    applicantUserId: randomUUID(),
    mobile: `139${n}`,
    email: `p${n}@example.cn`,
    language: 'zh-CN',
    ...overrides,
  };
}

export function contactOf(person: TestPerson, openDayId: string): ContactDetailsRecordedV1 {
  return {
    applicationId: person.applicationId,
    personId: person.personId,
    openDayId,
    applicantUserId: person.applicantUserId,
    name: '张三',
    mobile: person.mobile,
    email: person.email,
    language: person.language,
    recordedAt: new Date().toISOString(),
  };
}

export function ticketOf(person: TestPerson, openDayId: string, overrides: Partial<TicketIssuedV2> = {}): TicketIssuedV2 {
  return {
    ...TicketIssuedV2.contract.definition.example,
    ticketId: randomUUID(),
    applicationId: person.applicationId,
    personId: person.personId,
    openDayId,
    applicantUserId: person.applicantUserId,
    title: '走进自来水厂',
    ...overrides,
  };
}

/** Vetting's selection of the ticket's holder; `promotion` when they moved up from the waiting list. */
export function selectionOf(ticket: TicketIssuedV2, promotion: ApplicationSelectedV2['promotion'] = null): ApplicationSelectedV2 {
  const { applicationId, personId, openDayId, sessionId } = ticket;
  return { ...ApplicationSelectedV2.contract.definition.example, applicationId, personId, openDayId, sessionId, promotion, selectedAt: new Date().toISOString() };
}
