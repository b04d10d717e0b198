import { buildCloudEvent, cloudEventEnvelopeSchema } from './cloud-event';
import { compileSchema } from './schema-validator';

const check = compileSchema(cloudEventEnvelopeSchema);
const event = buildCloudEvent(
  '/openday/scheduling',
  'gov.openday.scheduling.open-day-published.v1',
  { anything: true },
  { subject: 'od-1', id: 'evt-1', time: new Date('2026-11-20T02:00:00Z') },
);

function without(field: string): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...event };
  delete copy[field];
  return copy;
}

describe('cloudEventEnvelopeSchema', () => {
  it('accepts what buildCloudEvent produces', () => {
    expect(check(event)).toEqual({ valid: true, errors: [] });
  });

  it('accepts the optional attributes', () => {
    const full = { ...event, dataschema: 'https://openday.gov.cn/schemas/x.json', correlationid: 'c', traceparent: 't' };
    expect(check(full)).toEqual({ valid: true, errors: [] });
  });

  it.each(cloudEventEnvelopeSchema.required.map((field) => [field]))('requires %s', (field) => {
    expect(check(without(field)).errors).toContain(`/ must have required property '${field}'`);
  });

  it.each([
    ['specversion', '0.3', '/specversion must be equal to constant'],
    ['id', '', '/id must NOT have fewer than 1 characters'],
    ['id', 'x'.repeat(201), '/id must NOT have more than 200 characters'],
    ['source', '', '/source must NOT have fewer than 1 characters'],
    ['type', 'com.example.thing-happened.v1', '/type must match pattern'],
    ['type', 'gov.openday.scheduling.open-day-published', '/type must match pattern'],
    ['type', 'gov.openday.Scheduling.open-day-published.v1', '/type must match pattern'],
    ['time', '2026-11-20 02:00', '/time must match format "date-time"'],
    ['subject', '', '/subject must NOT have fewer than 1 characters'],
    ['datacontenttype', 'text/plain', '/datacontenttype must be equal to constant'],
  ])('refuses %s = %j', (field, value, message) => {
    const { valid, errors } = check({ ...event, [field]: value });
    expect(valid).toBe(false);
    expect(errors.some((e) => e.startsWith(message))).toBe(true);
  });
});
