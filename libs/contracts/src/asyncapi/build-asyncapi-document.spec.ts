import { DiagnosticSeverity, Parser } from '@asyncapi/parser';
import { BusNamespace } from '../bus-namespace';
import { defineEvent, type EventContract } from '../event-contract';
import { OpenDayPublishedV1 } from '../events/scheduling/open-day-published.v1';
import { buildAsyncApiDocument } from './build-asyncapi-document';

// A catalog the real one will grow into: an internal event with personal data, and a second version.
const applicationSubmitted = defineEvent({
  service: 'registration',
  name: 'application-submitted',
  version: 1,
  visibility: 'internal',
  summary: 'A resident applied for an open day.',
  schema: {
    type: 'object',
    required: ['applicationId', 'phone'],
    properties: { applicationId: { type: 'string' }, phone: { type: 'string' } },
  },
  example: { applicationId: 'app-1', phone: '13800000000' },
});
const openDayPublishedV2 = defineEvent({ ...OpenDayPublishedV1.contract.definition, version: 2 });
const catalog = [OpenDayPublishedV1.contract, applicationSubmitted, openDayPublishedV2] as EventContract[];
const document = buildAsyncApiDocument(catalog, new BusNamespace('t1'));

describe('buildAsyncApiDocument', () => {
  jest.setTimeout(30_000);

  it('explains the envelope, headers and visibility rules', () => {
    const { title, description } = document.info;
    expect(title).toBe('Open Day platform events');
    const phrases = ['CloudEvents 1.0', 'Nats-Msg-Id', 'traceparent', 'x-correlation-id', 'ID number', 'phone', 'e-mail'];
    for (const phrase of phrases) {
      expect(description).toContain(phrase);
    }
    expect(description).toMatch(/Subscriber systems read only public\s+subjects/);
    expect(document.servers.local).toMatchObject({ host: '127.0.0.1:4222', protocol: 'nats' });
  });

  it('gives each event type a channel on its subject in the namespace', () => {
    expect(Object.values(document.channels).map((channel) => channel.address)).toEqual([
      't1.scheduling.open-day-published.v1',
      't1_internal.registration.application-submitted.v1',
      't1.scheduling.open-day-published.v2',
    ]);
  });

  it('tags each receive operation with its visibility', () => {
    const operations = Object.entries(document.operations).map(([id, op]) => [
      id,
      op.action,
      op.channel.$ref,
      op.tags.map((tag) => tag.name).join(),
    ]);
    expect(operations).toEqual([
      ['receiveSchedulingOpenDayPublishedV1', 'receive', '#/channels/schedulingOpenDayPublishedV1', 'public'],
      ['receiveRegistrationApplicationSubmittedV1', 'receive', '#/channels/registrationApplicationSubmittedV1', 'internal'],
      ['receiveSchedulingOpenDayPublishedV2', 'receive', '#/channels/schedulingOpenDayPublishedV2', 'public'],
    ]);
    expect(document.channels.registrationApplicationSubmittedV1.description).toMatch(/subscriber accounts cannot read/);
  });

  it('pins type, source and data in the payload and examples a full envelope', () => {
    const message = document.components.messages.registrationApplicationSubmittedV1;
    const properties = message.payload.properties as Record<string, unknown>;
    expect(properties.type).toEqual({ const: 'gov.openday.registration.application-submitted.v1' });
    expect(properties.source).toEqual({ const: '/openday/registration' });
    expect(properties.data).toBe(applicationSubmitted.definition.schema);
    expect(message.payload).not.toHaveProperty('$id');
    const [example] = message.examples;
    expect(example.payload).toMatchObject({
      specversion: '1.0',
      type: applicationSubmitted.type,
      subject: 'app-1',
      data: applicationSubmitted.definition.example,
    });
    expect(example.headers['Nats-Msg-Id']).toBe((example.payload as { id: string }).id);
  });

  it('gives examples of different event types different ids', () => {
    const ids = Object.values(document.components.messages).map((m) => m.examples[0].headers['Nats-Msg-Id']);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('refuses a catalog that lists an event type twice', () => {
    expect(() => buildAsyncApiDocument([applicationSubmitted, applicationSubmitted] as EventContract[])).toThrow(
      /gov\.openday\.registration\.application-submitted\.v1 appears twice/,
    );
  });

  it('stays valid for @asyncapi/parser as the catalog grows', async () => {
    const diagnostics = await new Parser().validate({ ...document });
    expect(diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error)).toEqual([]);
  });
});
