import { BusNamespace } from './bus-namespace';
import { cloudEventEnvelopeSchema } from './cloud-event';
import { defineEvent, EventSchemaError, type EventDefinition } from './event-contract';
import { compileSchema } from './schema-validator';

interface Answered {
  feedbackId: string;
  answeredAt: string;
  channel: { kind: 'letter' | 'portal'; pages?: number };
}

const definition: EventDefinition<Answered> = {
  service: 'feedback',
  name: 'feedback-answered',
  version: 2,
  visibility: 'public',
  summary: 'A citizen’s feedback was answered.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['feedbackId', 'answeredAt', 'channel'],
    properties: {
      feedbackId: { type: 'string', format: 'uuid' },
      answeredAt: { type: 'string', format: 'date-time' },
      channel: {
        type: 'object',
        additionalProperties: false,
        required: ['kind'],
        properties: { kind: { enum: ['letter', 'portal'] }, pages: { type: 'integer', minimum: 1 } },
      },
    },
  },
  example: {
    feedbackId: '0b6c1d1e-2f3a-4b5c-8d6e-7f8091a2b3c4',
    answeredAt: '2026-11-21T08:30:00.000Z',
    channel: { kind: 'portal' },
  },
};
const contract = defineEvent(definition);
const valid = definition.example;
const checkEnvelope = compileSchema(cloudEventEnvelopeSchema);

describe('EventContract', () => {
  it('accepts its own example', () => {
    expect(contract.validate(valid)).toEqual({ valid: true, errors: [] });
  });

  it('refuses a sensitive event on a public subject', () => {
    expect(() => defineEvent({ ...definition, sensitive: true })).toThrow(/sensitive, so it must be internal/);
    expect(defineEvent({ ...definition, visibility: 'internal', sensitive: true }).definition.sensitive).toBe(true);
  });

  it('refuses to be defined with an example that breaks its schema', () => {
    expect(() => defineEvent({ ...definition, example: { ...valid, feedbackId: 'nope' } })).toThrow(
      /example of gov\.openday\.feedback\.feedback-answered\.v2 breaks its own schema: \/feedbackId/,
    );
  });

  it.each([
    ['a missing field', { feedbackId: valid.feedbackId, channel: valid.channel }, "/ must have required property 'answeredAt'"],
    ['a bad format', { ...valid, feedbackId: '42' }, '/feedbackId must match format "uuid"'],
    ['a wrong type', { ...valid, answeredAt: 1 }, '/answeredAt must be string'],
    ['an unknown field', { ...valid, phone: '13800000000' }, '/ must NOT have additional properties'],
    ['a bad nested enum', { ...valid, channel: { kind: 'fax' } }, '/channel/kind must be equal to one of the allowed values'],
    ['a bad nested number', { ...valid, channel: { kind: 'letter', pages: 0 } }, '/channel/pages must be >= 1'],
  ])('create refuses %s with an EventSchemaError naming the path', (_, data, violation) => {
    let thrown: unknown;
    try {
      contract.create(data as Answered, { subject: valid.feedbackId });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(EventSchemaError);
    const schemaError = thrown as EventSchemaError;
    expect(schemaError.name).toBe('EventSchemaError');
    expect(schemaError.eventType).toBe(contract.type);
    expect(schemaError.violations).toContain(violation);
    expect(schemaError.message).toContain(violation);
  });

  it('wraps data in a full CloudEvents envelope', () => {
    const time = new Date('2026-11-21T08:30:01.000Z');
    const event = contract.create(valid, {
      subject: valid.feedbackId,
      id: 'evt-1',
      time,
      correlationId: 'req-1',
      traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    });
    expect(event).toEqual({
      specversion: '1.0',
      id: 'evt-1',
      source: '/openday/feedback',
      type: 'gov.openday.feedback.feedback-answered.v2',
      time: '2026-11-21T08:30:01.000Z',
      subject: valid.feedbackId,
      datacontenttype: 'application/json',
      correlationid: 'req-1',
      traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      data: valid,
    });
    expect(checkEnvelope(event)).toEqual({ valid: true, errors: [] });
  });

  it('fills id and time and leaves out absent trace fields', () => {
    const before = Date.now();
    const event = contract.create(valid, { subject: 's-1' });
    expect(event.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(event.id).not.toBe(contract.create(valid, { subject: 's-1' }).id);
    expect(Date.parse(event.time)).toBeGreaterThanOrEqual(before);
    expect(event).not.toHaveProperty('correlationid');
    expect(event).not.toHaveProperty('traceparent');
    expect(checkEnvelope(event)).toEqual({ valid: true, errors: [] });
  });

  it.each([
    {
      service: 'scheduling',
      name: 'open-day-published',
      version: 1,
      type: 'gov.openday.scheduling.open-day-published.v1',
      source: '/openday/scheduling',
      subject: 'openday.scheduling.open-day-published.v1',
      testSubject: 't1.scheduling.open-day-published.v1',
    },
    {
      service: 'vetting',
      name: 'selection-completed',
      version: 12,
      type: 'gov.openday.vetting.selection-completed.v12',
      source: '/openday/vetting',
      subject: 'openday.vetting.selection-completed.v12',
      testSubject: 't1.vetting.selection-completed.v12',
    },
  ])('names $service/$name v$version', ({ service, name, version, ...expected }) => {
    const named = defineEvent({ ...definition, service, name, version });
    expect({
      type: named.type,
      source: named.source,
      subject: named.subjectIn(new BusNamespace()),
      testSubject: named.subjectIn(new BusNamespace('t1')),
    }).toEqual(expected);
  });
});
